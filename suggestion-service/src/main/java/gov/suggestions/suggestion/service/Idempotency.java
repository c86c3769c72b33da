package gov.suggestions.suggestion.service;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.scheduler.Scheduled;

import gov.suggestions.suggestion.config.IdempotencyConfig;
import gov.suggestions.suggestion.domain.IdempotencyRecord;
import gov.suggestions.suggestion.domain.InvalidFieldException;
import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.domain.Text;
import gov.suggestions.suggestion.repository.IdempotencyRecordRepository;

/**
 * Idempotency-Key for this service's creating POSTs: the first response of a (tenant scope, subject, key) is kept in the create's
 * own transaction and given again to a retry with the same request; the same key with another request is refused.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    /** 8 to 100 printable ASCII characters, no spaces (e.g. a UUID). */
    public static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{" + Limits.IDEMPOTENCY_KEY_MIN + "," + Limits.IDEMPOTENCY_KEY + "}");

    /** A response kept for replay: its body as a JSON tree (null without one). */
    public record Stored(int status, JsonNode body, String etag, String location) {
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Idempotency.class);

    private final IdempotencyRecordRepository records;
    private final IdempotencyConfig config;
    private final Clock clock;

    public Idempotency(IdempotencyRecordRepository records, IdempotencyConfig config, Clock clock) {
        this.records = records;
        this.config = config;
        this.clock = clock;
    }

    /** Keys older than {@code idempotency.retention} are forgotten: a retry after that creates anew. */
    public long forgetExpired() {
        long deleted = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> records.deleteCreatedBefore(clock.instant().minus(config.retention())));
        if (deleted > 0) {
            LOG.infof("forgot %d idempotency keys", deleted);
        }
        return deleted;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpiredHourly() {
        forgetExpired();
    }

    public static void checkKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidFieldException(HEADER, Text.of("须为 8 至 100 个可打印 ASCII 字符,不含空格",
                    "must be 8 to 100 printable ASCII characters without spaces"));
        }
    }

    /**
     * Claims the key in the current transaction. Empty: this request is the first and goes on ({@link #keep} later in
     * the same transaction); otherwise the first response to replay.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Stored> claim(Caller caller, String key, String requestHash) {
        checkKey(key);
        if (records.claim(caller.tenantScope(), caller.subject(), key, requestHash, clock.instant())) {
            return Optional.empty();
        }
        IdempotencyRecord first = records.findById(new IdempotencyRecord.Key(caller.tenantScope(), caller.subject(), key));
        if (first == null || !first.requestHash.equals(requestHash)) {
            throw new IdempotencyKeyReusedException();
        }
        return Optional.of(new Stored(first.status, first.body, first.etag, first.location));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(Caller caller, String key, Stored response) {
        int kept = records.keepResponse(new IdempotencyRecord.Key(caller.tenantScope(), caller.subject(), key),
                (short) response.status(), response.body(), response.etag(), response.location());
        if (kept != 1) {
            // claim() runs first in the same transaction, so the row must be there: anything else is a bug, and the
            // create must not commit without the response a retry would be given
            throw new IllegalStateException("the idempotency key claimed in this transaction is gone");
        }
    }
}
