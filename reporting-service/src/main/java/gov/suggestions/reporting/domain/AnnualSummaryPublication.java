package gov.suggestions.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The published annual summary of a unit for a year (办理结果公开): the snapshot frozen at the last publication — the
 * disclosure header and the rendered summary — and, once withdrawn, when, by whom and why. Only rows without a withdrawal
 * are public.
 */
@Entity
@Table(name = "annual_summary_publication")
public class AnnualSummaryPublication {

    @Id
    public UUID id;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(nullable = false)
    public int year;

    @Column(name = "draft_id", nullable = false)
    public UUID draftId;

    /** The snapshot's version: 1 at the first publication, one more at each publication after it; the public ETag. */
    @Column(nullable = false)
    public long version;

    /** The day (Asia/Shanghai) the snapshot was published. */
    @Column(name = "published_on", nullable = false)
    public LocalDate publishedOn;

    // the disclosure header as it was published

    @Column(name = "index_number", nullable = false)
    public String indexNumber;

    public String classification;

    @Column(nullable = false)
    public String publisher;

    @Column(name = "written_on")
    public LocalDate writtenOn;

    @Column(nullable = false)
    public String name;

    @Column(name = "document_number")
    public String documentNumber;

    /** 发布日期 as the header shows it: the draft's, or the publication's day when the draft names none. */
    @Column(name = "header_published_on", nullable = false)
    public LocalDate headerPublishedOn;

    @Column(name = "subject_words")
    public String subjectWords;

    /** The rendered summary's structure (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public SummarySnapshot document;

    /** The rendered summary as its HTML page. */
    @Column(nullable = false)
    public String html;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    public boolean isPublic() {
        return withdrawnAt == null;
    }
}
