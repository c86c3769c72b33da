package gov.suggestions.reporting.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A rebuild of the read model an operator started: replaying the topics from the beginning into fresh tables. */
@Entity
@Table(name = "read_model_rebuild")
public class ReadModelRebuild {

    /** RUNNING (replaying into fresh tables), SWITCHING (the last events, then the swap), SUCCEEDED, FAILED. */
    public enum State {
        RUNNING, SWITCHING, SUCCEEDED, FAILED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Written every second while the job runs; a stale heartbeat means its replica stopped. */
    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    /** Events on the topics when the job started (beginning to end offsets). */
    @Column(name = "events_to_read", nullable = false)
    public long eventsToRead;

    @Column(name = "events_read", nullable = false)
    public long eventsRead;

    /** Messages that cannot be processed (they went to the dead-letter topics when first consumed). */
    @Column(name = "events_skipped", nullable = false)
    public long eventsSkipped;

    public String error;
}
