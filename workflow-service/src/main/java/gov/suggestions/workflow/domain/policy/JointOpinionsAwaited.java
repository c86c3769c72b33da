package gov.suggestions.workflow.domain.policy;

import java.time.LocalDate;
import java.util.List;

import gov.suggestions.workflow.domain.ConflictException;
import gov.suggestions.workflow.domain.Text;

/**
 * A LEAD unit's reply waits for the joint units (会办单位): its draft goes to review once each joint unit has sent its
 * opinion or let its deadline pass.
 */
public final class JointOpinionsAwaited {

    /** A joint unit as the lead case sees it: its name, its deadline and whether its opinion arrived. */
    public record JointUnit(String unitName, LocalDate dueOn, boolean answered) {
    }

    private JointOpinionsAwaited() {
    }

    /** 409 naming the joint units still awaited on {@code today}. */
    public static void check(List<JointUnit> jointUnits, LocalDate today) {
        List<String> waiting = jointUnits.stream().filter(j -> !j.answered() && !today.isAfter(j.dueOn())).map(JointUnit::unitName).toList();
        if (!waiting.isEmpty()) {
            throw new ConflictException(Text.of("会办单位尚未反馈意见且未超过期限:" + String.join("、", waiting),
                    "joint units have not sent their opinion and their deadline has not passed: " + String.join(", ", waiting)));
        }
    }
}
