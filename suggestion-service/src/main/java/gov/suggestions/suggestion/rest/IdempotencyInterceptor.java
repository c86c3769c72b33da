package gov.suggestions.suggestion.rest;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import gov.suggestions.suggestion.service.Caller;
import gov.suggestions.suggestion.service.Idempotency;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;

/**
 * Idempotency-Key for every {@link IdempotentCreate} operation: the key is claimed, the operation runs and its
 * response is kept, all in one transaction, so a crash keeps nothing and a concurrent retry waits for the first.
 * Records are keyed by the caller's tenant scope, subject and key, and a stored answer is replayed only after the
 * checks a first request makes before it changes anything ({@link IdempotentTargets}: 403, 404 as then).
 * The request is fingerprinted from the operation and its path and body parameters (not If-Match or other
 * headers), with absent and empty fields left out, so a retry that re-reads the case's ETag still matches.
 */
@IdempotentCreate
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

    private final HttpServerRequest request;
    private final CallerFactory callers;
    private final Idempotency idempotency;
    private final IdempotentTargets targets;
    private final ObjectMapper mapper;
    private final ObjectMapper fingerprints;

    public IdempotencyInterceptor(HttpServerRequest request, CallerFactory callers, Idempotency idempotency,
            IdempotentTargets targets, ObjectMapper mapper) {
        this.request = request;
        this.targets = targets;
        this.callers = callers;
        this.idempotency = idempotency;
        this.mapper = mapper;
        this.fingerprints = mapper.copy().setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY))
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        String key = request.getHeader(Idempotency.HEADER);
        if (key == null) {
            return ctx.proceed();
        }
        Idempotency.checkKey(key);
        Caller caller = callers.current();
        String hash = fingerprint(ctx);
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                // the same checks as a first request, before any stored answer is looked at
                targets.requireReachable(ctx, caller);
                Optional<Idempotency.Stored> first = idempotency.claim(caller, key, hash);
                if (first.isPresent()) {
                    return replay(first.get());
                }
                Response response = (Response) ctx.proceed();
                idempotency.keep(caller, key, new Idempotency.Stored(response.getStatus(), mapper.valueToTree(response.getEntity()),
                        response.getHeaderString(HttpHeaders.ETAG), response.getHeaderString(HttpHeaders.LOCATION)));
                return response;
            });
        } catch (io.quarkus.narayana.jta.QuarkusTransactionException e) {
            // checked exceptions come back wrapped; the services throw unchecked ones, mapped to problems
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Response replay(Idempotency.Stored first) {
        Response.ResponseBuilder replay = Response.status(first.status()).entity(first.body()).type(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true");
        if (first.etag() != null) {
            replay.header(HttpHeaders.ETAG, first.etag());
        }
        if (first.location() != null) {
            replay.header(HttpHeaders.LOCATION, first.location());
        }
        return replay.build();
    }

    private String fingerprint(InvocationContext ctx) throws JsonProcessingException {
        StringBuilder text = new StringBuilder(request.method().name()).append(' ').append(request.path());
        Annotation[][] annotations = ctx.getMethod().getParameterAnnotations();
        Object[] parameters = ctx.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (java.util.Arrays.stream(annotations[i]).noneMatch(a -> a instanceof HeaderParam)) {
                text.append('\n').append(fingerprints.writeValueAsString(parameters[i]));
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
