package gov.suggestions.workflow.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/** A creating POST that honours Idempotency-Key (see {@link IdempotencyInterceptor}). */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface IdempotentCreate {

    /** OpenAPI description of the header, shared by every such operation. */
    String HEADER_DOC = "Client-chosen key (8-100 printable ASCII characters) identifying this create: a retry with the same key and "
            + "request gets the first response again (header Idempotent-Replayed: true); the same key with another request answers 422.";

    String REUSED_DOC = "The Idempotency-Key was used before by the caller with a different request; nothing was done";

    String REUSED_EXAMPLE = "{ \"type\": \"urn:gov-suggestions:problem:idempotency-key-reused\", \"title\": \"Idempotency-Key 已被使用\", "
            + "\"status\": 422, \"detail\": \"此 Idempotency-Key 已用于另一个不同的请求\" }";
}
