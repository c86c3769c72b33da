package gov.suggestions.reporting.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The notices of one case (or of a suggestion as a whole), from notification.sent.v1 and notification.failed.v1. */
@Entity
@Table(name = "report_notice")
public class ReportNotice {

    /** The case id, or the suggestion id for notices about no particular case (assignment, for instance). */
    @Id
    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "suggestion_id", nullable = false)
    public UUID suggestionId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "congress_body")
    public String congressBody;

    @Column(name = "sent_count", nullable = false)
    public int sentCount;

    @Column(name = "failed_count", nullable = false)
    public int failedCount;

    /** When the deputy was first told of the reply (the notice of case.replied.v1 reached them). */
    @Column(name = "deputy_reply_notified_at")
    public Instant deputyReplyNotifiedAt;

    @Column(name = "deputy_reply_failed_count", nullable = false)
    public int deputyReplyFailedCount;

    @Column(name = "last_failed_at")
    public Instant lastFailedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
