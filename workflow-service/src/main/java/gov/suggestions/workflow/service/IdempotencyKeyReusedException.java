package gov.suggestions.workflow.service;

import gov.suggestions.workflow.domain.Text;

/** The same Idempotency-Key came with a different request: 422, nothing is created. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public static final Text REASON = Text.of("此 Idempotency-Key 已用于另一个不同的请求",
            "This Idempotency-Key was already used with a different request");

    public IdempotencyKeyReusedException() {
        super(REASON.en());
    }
}
