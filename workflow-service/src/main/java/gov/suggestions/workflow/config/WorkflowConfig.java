package gov.suggestions.workflow.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import gov.suggestions.workflow.domain.ReviewStep;
import gov.suggestions.workflow.domain.Limits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The handling rules' defaults (workflow-service README, "Settings"): configuration, overridable per unit. */
@ConfigMapping(prefix = "workflow")
public interface WorkflowConfig {

    /** Reply deadline when an assignment carries none, in months after assignment. */
    @WithDefault("3")
    int replyMonths();

    /** Joint opinion deadline when an assignment carries none, in months after assignment. */
    @WithDefault("1")
    int jointOpinionMonths();

    /** Assisting departments' internal opinions are due this many months after distribution. */
    @WithDefault("1")
    int assistingOpinionMonths();

    /** New deadline after an unsatisfied evaluation, in months after it. */
    @WithDefault("1")
    int rehandlingMonths();

    /**
     * How many re-handlings an unsatisfied evaluation can start; after that the case is concluded as evaluated. At most
     * {@code Limits.MAX_ROUNDS - 1}, so a case has at most {@link Limits#MAX_ROUNDS} rounds (checked at start).
     */
    @WithDefault("1")
    @Min(0)
    @Max(Limits.MAX_ROUNDS - 1)
    int maxRehandlings();

    /** Days the deputy has to evaluate a reply; after that the case may be concluded as not evaluated. */
    @WithDefault("30")
    int evaluationWindowDays();

    /** Days before the evaluation window closes when the deputy is reminded (case.evaluation-reminder.v1). */
    @WithDefault("7")
    int evaluationReminderDays();

    /** Review chain of a reply draft (seed: department head → leader in charge → principal leader → office check). */
    @WithDefault("DEPARTMENT_HEAD,LEADER_IN_CHARGE,PRINCIPAL_LEADER,OFFICE_CHECK")
    @Size(min = 1, max = Limits.REVIEW_STEPS)
    List<ReviewStep> reviewChain();

    /** Review chain of a joint opinion. */
    @WithDefault("DEPARTMENT_HEAD,LEADER_IN_CHARGE")
    @Size(min = 1, max = Limits.REVIEW_STEPS)
    List<ReviewStep> jointReviewChain();

    /** Document number format: {prefix}, {year} and {seq} are replaced. */
    @WithDefault("{prefix}〔{year}〕{seq}号")
    String documentNumberFormat();

    /** Days before a deadline when a reminder goes out (case.deadline-approaching.v1). */
    @WithDefault("15,7,1")
    List<Integer> reminderDays();

    /** Copies of every reply letter (抄送): the congress office and the government office. */
    @WithDefault("市人大常委会办公厅,市政府办公厅")
    List<String> replyCopies();

    /**
     * How far a caller's clock may run ahead of the server's: a date a caller gives for something that happened
     * (a communication) later than now plus this is refused, 400 naming the field.
     */
    @WithDefault("PT5M")
    java.time.Duration dateSkew();

    /**
     * 分类 of a published reply (办理结果公开) in the disclosure header, also its 主题词: the cases keep no keywords of
     * their suggestion, so the category is what government sites file these letters under.
     */
    @WithDefault("建议提案办理")
    @Size(max = 50)
    String publicationCategory();

    /**
     * The name of each congress body as a published reply's title (名称) says it, e.g. {@code shenzhen-npc=市人大}
     * ("关于市人大七届二次会议第20200001号代表建议答复的函"); a body without a name here is left out of the title.
     */
    Map<String, String> congressNames();

    /** Per-unit settings, keyed by unit code. */
    Map<String, Unit> units();

    interface Unit {
        Optional<@Size(max = Limits.REVIEW_STEPS) List<ReviewStep>> reviewChain();

        Optional<@Size(max = Limits.REVIEW_STEPS) List<ReviewStep>> jointReviewChain();

        /** The unit's document prefix, e.g. 深政数函; the unit code when absent. */
        Optional<String> documentPrefix();

        Optional<String> documentNumberFormat();

        /** Token subject of the unit's principal leader (主要领导): when set, only they decide the PRINCIPAL_LEADER step. */
        Optional<String> principalLeader();

        /**
         * The unit's organisation code (统一社会信用代码) that begins the 索引号 of its published replies, e.g.
         * 11440300MB2C92413C; the unit code when absent (this service knows no other code of the unit).
         */
        Optional<@jakarta.validation.constraints.Pattern(regexp = "[0-9A-Za-z-]{1,40}") String> organisationCode();

        /** The organ's name heading the unit's reply letters (发文机关标志, GB/T 9704 letter format); the unit's name when absent. */
        Optional<String> organMark();

        /** The unit's 抄送 list on its reply letters, in order; {@code workflow.reply-copies} when absent. */
        Optional<List<String>> copyTo();
    }

    /** The unit's principal leader's token subject, if configured. */
    default Optional<String> principalLeaderOf(String unitCode) {
        Unit unit = units().get(unitCode);
        return unit == null ? Optional.empty() : unit.principalLeader();
    }

    default List<ReviewStep> reviewChainOf(String unitCode, boolean joint) {
        Unit unit = units().get(unitCode);
        if (unit != null) {
            Optional<List<ReviewStep>> own = joint ? unit.jointReviewChain() : unit.reviewChain();
            if (own.isPresent() && !own.get().isEmpty()) {
                return own.get();
            }
        }
        return joint ? jointReviewChain() : reviewChain();
    }

    /** The code that begins the unit's 索引号. */
    default String organisationCodeOf(String unitCode) {
        Unit unit = units().get(unitCode);
        return unit == null ? unitCode : unit.organisationCode().orElse(unitCode);
    }

    default String documentNumber(String unitCode, int year, int seq) {
        Unit unit = units().get(unitCode);
        String format = unit == null ? documentNumberFormat() : unit.documentNumberFormat().orElse(documentNumberFormat());
        String prefix = unit == null ? unitCode : unit.documentPrefix().orElse(unitCode);
        return format.replace("{prefix}", prefix).replace("{year}", Integer.toString(year)).replace("{seq}", Integer.toString(seq));
    }
}
