package gov.suggestions.workflow.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A reply letter published for anyone to read (办理结果公开): created when a letter marked PUBLIC is issued, hidden
 * again when withdrawn. The header fields that are not the letter's own (索引号, 名称, 发布日期) are fixed here at
 * publication.
 */
@Entity
@Table(name = "reply_publication")
public class ReplyPublication {

    @Id
    public UUID id;

    @Column(name = "letter_id", nullable = false)
    public UUID letterId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    /** The year of the letter's 成文日期. */
    @Column(nullable = false)
    public short year;

    /** 索引号. */
    @Column(name = "index_number", nullable = false)
    public String indexNumber;

    /** 名称. */
    @Column(nullable = false)
    public String title;

    /** 发布机构: the unit's name. */
    @Column(nullable = false)
    public String publisher;

    /** 主题词. */
    @Column(nullable = false)
    public String keywords;

    /** 发布日期. */
    @Column(name = "published_on", nullable = false)
    public LocalDate publishedOn;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /** The strong ETag of the public answers is made from it. */
    @Version
    public long version;

    public boolean published() {
        return withdrawnAt == null;
    }
}
