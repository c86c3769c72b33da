package gov.suggestions.reporting.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.reporting.domain.AnnualSummaryDraft;
import gov.suggestions.reporting.domain.Text;
import gov.suggestions.reporting.service.CreditCode;
import gov.suggestions.reporting.service.Limits;
import gov.suggestions.reporting.service.SummaryDraftService.DraftState;
import gov.suggestions.reporting.service.SummaryDraftService.HeaderData;
import gov.suggestions.reporting.service.SummaryDraftService.SectionState;
import gov.suggestions.reporting.service.SummarySections;

/** Request and response bodies of the annual summary draft. */
final class SummaryDraftDtos {

    static final String REQUEST_EXAMPLE = """
            { "creditCode": "11440300MB2C92413C", "organisationName": "深圳市政务服务数据管理局", "writtenOn": "2020-12-02" }""";
    static final String DRAFT_EXAMPLE = """
            { "unitCode": "sz-zsj", "year": 2020, "indexNumber": "11440300MB2C92413C/2020-00001", "creditCode": "11440300MB2C92413C",
              "organisationName": "深圳市政务服务数据管理局", "publisher": "深圳市政务服务数据管理局", "writtenOn": "2020-12-02",
              "name": "市政务服务数据管理局关于报送2020年度人大代表建议办理工作总结的报告", "addressee": "市人大常委会办公厅", "version": 0,
              "updatedBy": "office-sz-zsj", "updatedAt": "2020-12-02T02:00:00Z",
              "sections": [ { "key": "next-steps", "text": null, "revision": 0 },
                            { "key": "conversion-20200041", "text": null, "revision": 0 } ],
              "conversions": [ { "number": "20200041", "title": "关于以“区块链”技术推动建立行政执法管理数据网络及公示的建议",
                                 "measuresReported": true, "measures": [ "支持开展区块链试点应用。" ], "section": "conversion-20200041" } ] }""";

    // the header's columns in annual_summary_draft (varchar(N)): the request refuses longer values, the response never has them
    static final int ORGANISATION_NAME = 200;
    static final int CLASSIFICATION = 100;
    static final int PUBLISHER = 200;
    static final int NAME = 300;
    static final int DOCUMENT_NUMBER = 100;
    static final int SUBJECT_WORDS = 300;
    static final int ADDRESSEE = 200;

    private SummaryDraftDtos() {
    }

    @Schema(name = "AnnualSummaryDraftRequest", description = "The disclosure header of the draft. Absent optional fields take the seed's defaults.")
    record DraftRequest(
            @Schema(description = "Unified social credit code (统一社会信用代码) of the unit: 18 characters with a valid check character",
                    examples = "11440300MB2C92413C")
            @NotNull @Pattern(regexp = CreditCode.PATTERN) @Size(max = Limits.CREDIT_CODE) String creditCode,
            @Schema(description = "Full name of the unit", examples = "深圳市政务服务数据管理局") @NotBlank @Size(max = ORGANISATION_NAME) String organisationName,
            @Schema(description = "分类") @Size(max = CLASSIFICATION) String classification,
            @Schema(description = "发布机构 (default: the organisation name)") @Size(max = PUBLISHER) String publisher,
            @Schema(description = "成文日期 (default: today)", examples = "2020-12-02") LocalDate writtenOn,
            @Schema(description = "名称 (default: …关于报送<year>年度人大代表建议办理工作总结的报告)") @Size(max = NAME) String name,
            @Schema(description = "文号") @Size(max = DOCUMENT_NUMBER) String documentNumber,
            @Schema(description = "发布日期") LocalDate publishedOn,
            @Schema(description = "主题词") @Size(max = SUBJECT_WORDS) String subjectWords,
            @Schema(description = "Addressee (default: 市人大常委会办公厅)") @Size(max = ADDRESSEE) String addressee) {

        HeaderData toData() {
            return new HeaderData(creditCode, organisationName, classification, publisher, writtenOn, name, documentNumber, publishedOn,
                    subjectWords, addressee);
        }
    }

    @Schema(name = "AnnualSummarySectionEdit", description = "The new text of a narrative section; one paragraph per line, blank to bring back the default")
    record SectionEdit(@Schema(description = "Text of the section", examples = "局领导班子高度重视建议办理工作。")
            @NotNull @Size(max = SummarySections.MAX_LENGTH) String text) {
    }

    @Schema(name = "AnnualSummarySection", description = "A narrative section of the draft")
    record SectionResponse(
            @Schema(description = "Section key", examples = "next-steps", maxLength = SummarySections.KEY_LENGTH) String key,
            @Schema(description = "Text in force; absent while the default applies", maxLength = SummarySections.MAX_LENGTH) String text,
            @Schema(description = "Revision number (0: never edited)", minimum = "0", maximum = Limits.INT_MAX) int revision,
            @Schema(description = "Who edited it last", maxLength = Limits.PERSON) String editedBy,
            @Schema(description = "When it was edited last") Instant editedAt) {

        static SectionResponse of(SectionState s) {
            return new SectionResponse(s.key(), s.text(), s.revision(), s.editedBy(), s.editedAt());
        }
    }

    /** A measure of a reply, as the document shows it. */
    @Schema(name = "AnnualSummaryMeasure", type = SchemaType.STRING, maxLength = Limits.MEASURE, examples = "支持开展区块链试点应用。")
    static final class Measure {

        private Measure() {
        }
    }

    @Schema(name = "AnnualSummaryConversion", description = "A suggestion the unit replied to that year (section 三) and the measures of its reply")
    record ConversionResponse(
            @Schema(examples = "20200041", maxLength = Limits.NUMBER) String number,
            @Schema(maxLength = Limits.TITLE) String title,
            @Schema(description = "Whether the reply event carried its measures (older events do not; the office then writes them in the section)")
            boolean measuresReported,
            @Schema(description = "The measures the latest reply committed to (as the workflow-service accepts them: at most "
                    + Limits.MEASURES + " of at most " + Limits.MEASURE + " characters)", type = SchemaType.ARRAY,
                    implementation = Measure.class, maxItems = Limits.MEASURES)
            List<String> measures,
            @Schema(description = "Key of the narrative section for this suggestion", examples = "conversion-20200041",
                    maxLength = SummarySections.KEY_LENGTH) String section) {
    }

    @Schema(name = "AnnualSummaryDraft", description = "The unit office's draft: header, narrative sections and the replied suggestions of section 三. "
            + "Figures are not stored: they are computed when the summary is rendered.")
    record DraftResponse(
            @Schema(maxLength = Limits.CODE) String unitCode,
            @Schema(minimum = "" + Limits.YEAR_MIN, maximum = "" + Limits.YEAR_MAX) int year,
            @Schema(description = "索引号: credit code / year - yearly sequence (at least 5 digits)", examples = "11440300MB2C92413C/2020-00001",
                    maxLength = Limits.INDEX_NUMBER) String indexNumber,
            @Schema(minLength = Limits.CREDIT_CODE, maxLength = Limits.CREDIT_CODE) String creditCode,
            @Schema(maxLength = ORGANISATION_NAME) String organisationName,
            @Schema(maxLength = CLASSIFICATION) String classification,
            @Schema(maxLength = PUBLISHER) String publisher,
            LocalDate writtenOn,
            @Schema(maxLength = NAME) String name,
            @Schema(maxLength = DOCUMENT_NUMBER) String documentNumber,
            LocalDate publishedOn,
            @Schema(maxLength = SUBJECT_WORDS) String subjectWords,
            @Schema(maxLength = ADDRESSEE) String addressee,
            @Schema(description = "Version; the ETag", minimum = "0", maximum = Limits.LONG_MAX) long version,
            @Schema(maxLength = Limits.PERSON) String createdBy, Instant createdAt,
            @Schema(maxLength = Limits.PERSON) String updatedBy, Instant updatedAt,
            @Schema(description = "The six fixed sections, then one per replied suggestion", maxItems = 6 + Limits.CONVERSIONS)
            List<SectionResponse> sections,
            @Schema(description = "The replied suggestions of section 三, by number (the first " + Limits.CONVERSIONS + ")",
                    maxItems = Limits.CONVERSIONS)
            List<ConversionResponse> conversions) {

        static DraftResponse of(DraftState state) {
            AnnualSummaryDraft d = state.draft();
            return new DraftResponse(d.unitCode, d.year, d.indexNumber(), d.creditCode, d.organisationName, d.classification, d.publisher,
                    d.writtenOn, d.name, d.documentNumber, d.publishedOn, d.subjectWords, d.addressee, d.version, d.createdBy, d.createdAt,
                    d.updatedBy, d.updatedAt, state.sections().stream().map(SectionResponse::of).toList(),
                    state.conversions().stream().map(c -> new ConversionResponse(c.number(), c.title(), c.measuresReported(), c.measures(),
                            SummarySections.CONVERSION_PREFIX + c.number())).toList());
        }
    }
}
