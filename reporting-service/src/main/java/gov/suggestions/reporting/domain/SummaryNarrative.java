package gov.suggestions.reporting.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One revision of a narrative section of a draft; the highest revision is in force, earlier ones are history. */
@Entity
@Table(name = "annual_summary_narrative")
public class SummaryNarrative {

    @Id
    public UUID id;

    @Column(name = "draft_id", nullable = false)
    public UUID draftId;

    @Column(name = "section_key", nullable = false)
    public String sectionKey;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false)
    public String text;

    @Column(name = "edited_by", nullable = false)
    public String editedBy;

    @Column(name = "edited_at", nullable = false)
    public Instant editedAt;
}
