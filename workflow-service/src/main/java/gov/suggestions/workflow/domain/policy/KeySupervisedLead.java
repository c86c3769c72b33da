package gov.suggestions.workflow.domain.policy;

import gov.suggestions.workflow.domain.InvalidFieldException;
import gov.suggestions.workflow.domain.Text;

/**
 * A key supervised suggestion (重点督办) is led by a unit leader (局领导牵头): the distribution names the lead handler,
 * and a lead handler is named with both a name and a person id.
 */
public final class KeySupervisedLead {

    private KeySupervisedLead() {
    }

    public static void check(boolean keySupervised, String leadHandler, String leadHandlerId) {
        if (keySupervised && blank(leadHandler)) {
            throw new InvalidFieldException("leadHandler", Text.of("重点督办建议须由局领导牵头办理,请指定牵头领导",
                    "a key supervised suggestion must be led by a unit leader: name the lead handler"));
        }
        boolean named = !blank(leadHandler);
        if (named != !blank(leadHandlerId)) {
            throw new InvalidFieldException(named ? "leadHandlerId" : "leadHandler", Text.of("牵头领导须同时填写姓名和账号",
                    "the lead handler needs both a name and a person id"));
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
