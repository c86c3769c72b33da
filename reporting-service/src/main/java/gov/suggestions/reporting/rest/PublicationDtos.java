package gov.suggestions.reporting.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.reporting.domain.AnnualSummaryPublication;
import gov.suggestions.reporting.domain.PartKind;
import gov.suggestions.reporting.domain.SummarySnapshot;
import gov.suggestions.reporting.service.Limits;
import gov.suggestions.reporting.service.PublicationService;
import gov.suggestions.reporting.service.PublicationService.Published;

/** Bodies of the publication of the annual summary (办理结果公开) and of its public pages. */
final class PublicationDtos {

    static final String PUBLISHED_EXAMPLE = """
            { "unitCode": "sz-zsj", "year": 2020, "version": 1, "publishedOn": "2020-12-02",
              "header": { "indexNumber": "11440300MB2C92413C/2020-00112", "classification": null, "publisher": "深圳市政务服务数据管理局",
                          "writtenOn": "2020-12-02", "name": "市政务服务数据管理局关于报送2020年度人大代表建议办理工作总结的报告",
                          "documentNumber": null, "publishedOn": "2020-12-02", "subjectWords": null },
              "document": { "title": "市政务服务数据管理局关于报送2020年度人大代表建议办理工作总结的报告", "addressee": "市人大常委会办公厅",
                            "opening": "根据贵单位关于做好市六届人大八次会议代表建议办理收尾工作的有关要求,现将我局2020年度人大代表建议办理工作总结报送如下:",
                            "sections": [ { "heading": "一、基本情况", "parts": [ { "kind": "PARAGRAPH",
                                            "text": "(一)办理数量及主要内容。今年,我局共办理市人大代表建议30件。…" } ] } ],
                            "closing": "专此报告。", "signature": "深圳市政务服务数据管理局", "date": "2020年12月2日" },
              "link": "/api/v1/public/annual-summaries/sz-zsj/2020" }""";

    static final String PAGE_EXAMPLE = """
            { "items": [ { "unitCode": "sz-zsj", "year": 2020, "title": "市政务服务数据管理局关于报送2020年度人大代表建议办理工作总结的报告",
                           "publisher": "深圳市政务服务数据管理局", "publishedOn": "2020-12-02",
                           "link": "/api/v1/public/annual-summaries/sz-zsj/2020" } ], "total": 1, "page": 0, "size": 20 }""";

    static final String WITHDRAWN_EXAMPLE = """
            { "unitCode": "sz-zsj", "year": 2020, "version": 1, "withdrawnAt": "2020-12-03T02:00:00Z", "reason": "附件数据有误,更正后重新公开" }""";

    private PublicationDtos() {
    }

    @Schema(name = "PublishedSummaryHeader", description = "The disclosure header (政府信息公开) shown above the document, as it was when published")
    record HeaderResponse(
            @Schema(description = "索引号", maxLength = Limits.INDEX_NUMBER) String indexNumber,
            @Schema(description = "分类", maxLength = SummaryDraftDtos.CLASSIFICATION) String classification,
            @Schema(description = "发布机构", maxLength = SummaryDraftDtos.PUBLISHER) String publisher,
            @Schema(description = "成文日期") LocalDate writtenOn,
            @Schema(description = "名称", maxLength = SummaryDraftDtos.NAME) String name,
            @Schema(description = "文号", maxLength = SummaryDraftDtos.DOCUMENT_NUMBER) String documentNumber,
            @Schema(description = "发布日期 (the draft's, else the day it was published)") LocalDate publishedOn,
            @Schema(description = "主题词", maxLength = SummaryDraftDtos.SUBJECT_WORDS) String subjectWords) {
    }

    @Schema(name = "PublishedSummaryPart", description = "A subheading, a paragraph or a chart (by its title; the HTML page draws it)")
    record PartResponse(PartKind kind, @Schema(maxLength = Limits.PUBLISHED_TEXT) String text) {
    }

    @Schema(name = "PublishedSummarySection", description = "A section of the published summary")
    record SectionResponse(
            @Schema(maxLength = Limits.PUBLISHED_HEADING, examples = "一、基本情况") String heading,
            @Schema(maxItems = Limits.PUBLISHED_PARTS) List<PartResponse> parts) {
    }

    @Schema(name = "PublishedSummaryDocument", description = "The summary as it was rendered when published")
    record DocumentResponse(
            @Schema(maxLength = SummaryDraftDtos.NAME) String title,
            @Schema(maxLength = SummaryDraftDtos.ADDRESSEE) String addressee,
            @Schema(maxLength = Limits.PUBLISHED_TEXT) String opening,
            @Schema(maxItems = Limits.PUBLISHED_SECTIONS) List<SectionResponse> sections,
            @Schema(maxLength = Limits.PUBLISHED_HEADING) String closing,
            @Schema(description = "The organisation signing it", maxLength = SummaryDraftDtos.ORGANISATION_NAME) String signature,
            @Schema(description = "成文日期 as the signature writes it", maxLength = 20, examples = "2020年12月2日") String date) {

        static DocumentResponse of(SummarySnapshot s) {
            return new DocumentResponse(s.title(), s.addressee(), s.opening(), s.sections().stream()
                    .map(section -> new SectionResponse(section.heading(),
                            section.parts().stream().map(p -> new PartResponse(p.kind(), p.text())).toList()))
                    .toList(), s.closing(), s.signature(), s.date());
        }
    }

    @Schema(name = "PublishedSummary", description = "A published annual summary (办理结果公开): the header and the document frozen when the "
            + "unit office published it")
    record PublishedResponse(
            @Schema(maxLength = Limits.CODE) String unitCode,
            @Schema(minimum = "" + Limits.YEAR_MIN, maximum = "" + Limits.YEAR_MAX) int year,
            @Schema(description = "Version of the snapshot (1 at the first publication); the ETag names it", minimum = "1", maximum = Limits.LONG_MAX)
            long version,
            @Schema(description = "The day it was published (Asia/Shanghai)") LocalDate publishedOn,
            HeaderResponse header,
            DocumentResponse document,
            @Schema(description = "Where the public reads it", maxLength = Limits.PUBLIC_LINK, examples = "/api/v1/public/annual-summaries/sz-zsj/2020")
            String link) {

        static PublishedResponse of(Published published) {
            AnnualSummaryPublication p = published.publication();
            return new PublishedResponse(p.unitCode, p.year, p.version, p.publishedOn,
                    new HeaderResponse(p.indexNumber, p.classification, p.publisher, p.writtenOn, p.name, p.documentNumber, p.headerPublishedOn,
                            p.subjectWords),
                    DocumentResponse.of(published.snapshot()), PublicationService.link(p.unitCode, p.year));
        }
    }

    @Schema(name = "PublishedSummaryItem", description = "A published summary in the public list")
    record ItemResponse(
            @Schema(maxLength = Limits.CODE) String unitCode,
            @Schema(minimum = "" + Limits.YEAR_MIN, maximum = "" + Limits.YEAR_MAX) int year,
            @Schema(description = "名称", maxLength = SummaryDraftDtos.NAME) String name,
            @Schema(description = "发布机构", maxLength = SummaryDraftDtos.PUBLISHER) String publisher,
            LocalDate publishedOn,
            @Schema(maxLength = Limits.PUBLIC_LINK, examples = "/api/v1/public/annual-summaries/sz-zsj/2020") String link) {

        static ItemResponse of(AnnualSummaryPublication p) {
            return new ItemResponse(p.unitCode, p.year, p.name, p.publisher, p.publishedOn, PublicationService.link(p.unitCode, p.year));
        }
    }

    @Schema(name = "PublishedSummaryPage", description = "One page of the published summaries, newest first, with the total")
    record PageResponse(
            @Schema(maxItems = Limits.PAGE_SIZE) List<ItemResponse> items,
            @Schema(description = "Published summaries matching the filters", minimum = "0", maximum = Limits.LONG_MAX) long total,
            @Schema(description = "Page from 0", minimum = "0", maximum = "" + Limits.PAGE_MAX) int page,
            @Schema(description = "Page size", minimum = "1", maximum = "" + Limits.PAGE_SIZE) int size) {
    }

    @Schema(name = "PublicationWithdrawalRequest", description = "Why the published summary is withdrawn")
    record WithdrawalRequest(
            @Schema(description = "The reason (kept with the publication)", examples = "附件数据有误,更正后重新公开")
            @NotNull @NotBlank @Size(max = Limits.WITHDRAWAL_REASON) String reason) {
    }

    @Schema(name = "PublicationWithdrawal", description = "The withdrawn publication")
    record WithdrawalResponse(
            @Schema(maxLength = Limits.CODE) String unitCode,
            @Schema(minimum = "" + Limits.YEAR_MIN, maximum = "" + Limits.YEAR_MAX) int year,
            @Schema(description = "Version of the withdrawn snapshot", minimum = "1", maximum = Limits.LONG_MAX) long version,
            Instant withdrawnAt,
            @Schema(maxLength = Limits.WITHDRAWAL_REASON) String reason) {

        static WithdrawalResponse of(AnnualSummaryPublication p) {
            return new WithdrawalResponse(p.unitCode, p.year, p.version, p.withdrawnAt, p.withdrawalReason);
        }
    }
}
