package gov.suggestions.workflow.domain;

import java.time.Instant;
import java.time.LocalDate;
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

/** The formal reply letter (函复) issued in one round, frozen from the approved draft. */
@Entity
@Table(name = "reply_letter")
public class ReplyLetter {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public short round;

    @Column(name = "draft_version", nullable = false)
    public int draftVersion;

    @Column(name = "document_number", nullable = false)
    public String documentNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResultCategory category;

    @Column(nullable = false)
    public String content;

    /** The measures promised, as in the draft (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<CaseParts.Commitment> commitments;

    /** The contact persons, as in the draft (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<CaseParts.Contact> contacts;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Disclosure disclosure;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "on_time", nullable = false)
    public boolean onTime;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;
}
