package gov.suggestions.workflow.service;

import gov.suggestions.workflow.domain.Text;

/**
 * The token lacks the scope claim its role needs for this operation: a deputy token without {@code congress_body}
 * or {@code deputy} (refused on every operation), or a write by a role whose scope claim is missing. 403.
 */
public class ScopeMissingException extends RuntimeException {

    private final Text reason;

    public ScopeMissingException(Text reason) {
        super(reason.en());
        this.reason = reason;
    }

    public Text reason() {
        return reason;
    }

    public static ScopeMissingException incompleteDeputy() {
        return new ScopeMissingException(Text.of("代表令牌须同时包含 congress_body 和 deputy 声明(代表编号在不同人大、政协之间会重复)",
                "a deputy token must carry both the congress_body and the deputy claim (roster ids repeat between congress bodies)"));
    }

    public static ScopeMissingException noScope() {
        return new ScopeMissingException(Text.of("令牌缺少角色所需的范围声明(congress_body 或 unit),不能进行此操作",
                "the token lacks the scope claim its role needs (congress_body or unit); this operation is refused"));
    }
}
