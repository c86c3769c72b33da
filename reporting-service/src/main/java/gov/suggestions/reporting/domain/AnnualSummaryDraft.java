package gov.suggestions.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A unit office's draft of its annual work summary: the disclosure header; narratives are kept as revisions. */
@Entity
@Table(name = "annual_summary_draft")
public class AnnualSummaryDraft {

    @Id
    public UUID id;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(nullable = false)
    public int year;

    /** 统一社会信用代码 of the unit, the first part of the 索引号. */
    @Column(name = "credit_code", nullable = false)
    public String creditCode;

    @Column(name = "organisation_name", nullable = false)
    public String organisationName;

    /** The 5-digit yearly sequence of the 索引号, allocated per credit code and year. */
    @Column(name = "index_sequence", nullable = false)
    public int indexSequence;

    public String classification;

    @Column(nullable = false)
    public String publisher;

    @Column(name = "written_on")
    public LocalDate writtenOn;

    @Column(nullable = false)
    public String name;

    @Column(name = "document_number")
    public String documentNumber;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Column(name = "subject_words")
    public String subjectWords;

    @Column(nullable = false)
    public String addressee;

    /** The ETag: every header change or narrative edit moves it on. */
    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public String indexNumber() {
        return creditCode + "/" + year + "-" + String.format("%05d", indexSequence);
    }
}
