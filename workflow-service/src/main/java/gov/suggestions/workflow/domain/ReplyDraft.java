package gov.suggestions.workflow.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One saved version of a reply draft (or of a joint opinion); reviewers compare versions. */
@Entity
@Table(name = "reply_draft")
public class ReplyDraft {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public short round;

    @Enumerated(EnumType.STRING)
    public ResultCategory category;

    @Column(nullable = false)
    public String content;

    /** JSON array of {measure, owner, targetDate}. */
    @Column(nullable = false)
    public String commitments;

    /** JSON array of {name, title, phone}. */
    @Column(nullable = false)
    public String contacts;

    /** JSON array naming the fields changed since the previous version. */
    @Column(nullable = false)
    public String changes;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
