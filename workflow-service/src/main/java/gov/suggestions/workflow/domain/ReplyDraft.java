package gov.suggestions.workflow.domain;

import java.time.Instant;
import java.util.UUID;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** The measures promised (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<CaseParts.Commitment> commitments;

    /** The contact persons told to the deputy (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<CaseParts.Contact> contacts;

    /** The fields changed since the previous version, with their values before and after (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<CaseParts.Change> changes;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
