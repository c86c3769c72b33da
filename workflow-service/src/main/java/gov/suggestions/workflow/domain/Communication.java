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

/** One contact with the deputy (沟通); linked to each case it served by {@link CommunicationLink}. */
@Entity
@Table(name = "case_communication")
public class Communication {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommunicationKind kind;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** Who took part (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<CaseParts.Participant> participants;

    @Column(nullable = false)
    public String summary;

    @Column(name = "deputy_views")
    public String deputyViews;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** How many cases this communication served (1 for an ordinary one). */
    @Column(name = "shared_case_count", nullable = false)
    public short sharedCaseCount;
}
