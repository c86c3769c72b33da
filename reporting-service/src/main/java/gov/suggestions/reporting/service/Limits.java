package gov.suggestions.reporting.service;

import gov.suggestions.reporting.domain.Text;

/**
 * The bounds the OpenAPI document states, written once for the request checks, the response schemas and the code that
 * keeps them. Text read back from the read model is bounded by its column (V2__read_model.sql and later migrations); the
 * lists and downloads by a cap the code checks (named where it is kept).
 */
public final class Limits {

    /**
     * If-Match: an ETag, {@code "<version>"} or {@code W/"<version>"}, is at most 23 characters; longer values are refused
     * (400 naming If-Match) before anything is read. The same bound in every service of the suite.
     */
    public static final int IF_MATCH = 64;

    // columns of the read model and of the drafts (varchar(N))

    /** Unit and congress-body codes: the code pattern of the requests, {@code unit_code}/{@code congress_body varchar(40)}. */
    public static final int CODE = 40;
    /** Suggestion numbers: {@code number varchar(40)}, the number pattern of the requests. */
    public static final int NUMBER = 40;
    /** {@code title varchar(500)}. */
    public static final int TITLE = 500;
    /** {@code unit_name varchar(200)}. */
    public static final int UNIT_NAME = 200;
    /** {@code report_case.role varchar(20)}. */
    public static final int ROLE = 20;
    /** {@code report_case.state varchar(40)}. */
    public static final int STATE = 40;
    /** {@code report_suggestion.topics varchar(2000)} (the topics joined with 、). */
    public static final int TOPICS = 2000;
    /** {@code report_suggestion.supervision_level varchar(40)}. */
    public static final int SUPERVISION_LEVEL = 40;
    /** {@code report_suggestion.lead_deputy_name varchar(100)}. */
    public static final int DEPUTY_NAME = 100;
    /** {@code report_case.result_category varchar(4)}. */
    public static final int RESULT_CATEGORY = 4;
    /** {@code report_case.evaluation_result varchar(30)}. */
    public static final int EVALUATION = 30;
    /** {@code report_case.undertaking_department varchar(200)}. */
    public static final int DEPARTMENT = 200;
    /** Who did something (a token's subject, cut to this length): {@code created_by}, {@code edited_by}, {@code requested_by varchar(200)}. */
    public static final int PERSON = 200;
    /** {@code read_model_rebuild.error varchar(1000)}. */
    public static final int REBUILD_ERROR = 1000;
    /** An ISO date, yyyy-MM-dd. */
    public static final int DATE = 10;
    /** 统一社会信用代码: 18 characters. */
    public static final int CREDIT_CODE = 18;
    /** 索引号: credit code / year (4 digits) - yearly sequence (at least 5 digits, an {@code integer}: at most 10). */
    public static final int INDEX_NUMBER = CREDIT_CODE + 1 + 4 + 1 + 10;

    // years and sessions: the suggestion-service accepts them in these ranges, and events outside them are refused here too

    public static final int YEAR_MIN = 1949;
    public static final int YEAR_MAX = 2100;
    /** Terms (届) and sessions (次会议). */
    public static final int TERM_MAX = 99;

    // numbers

    /** Largest value of an {@code int} (a count or revision kept in an {@code integer} column), for the document. */
    public static final String INT_MAX = "2147483647";
    /** Largest value of a {@code long} (a count of rows, a {@code bigint} column), for the document. */
    public static final String LONG_MAX = "9223372036854775807";

    // pages and lists

    /** Largest page the ledger and the overdue list answer ({@code size} 1–200). */
    public static final int PAGE_SIZE = 200;
    /** Highest page number asked for ({@code page} 0–100,000). */
    public static final int PAGE_MAX = 100_000;
    /** Groups one breakdown of the statistics may have; beyond it the answer is 400 too-many-groups (narrow the filters). */
    public static final int GROUPS = 1000;
    /** Scorecards one answer holds: the best ones, by rank. */
    public static final int SCORECARDS = 1000;
    /** Replied suggestions a draft lists (section 三): the first ones by number. */
    public static final int CONVERSIONS = 1000;
    /** Measures of a reply: the workflow-service accepts at most 50 commitments of at most 500 characters; more is not read. */
    public static final int MEASURES = 50;
    public static final int MEASURE = 500;
    /** Revisions of a section one answer lists: the newest ones. */
    public static final int REVISIONS = 100;

    // the published annual summary (办理结果公开): the snapshot is checked against these when it is published (400 too-large)

    /** Sections of a published summary (the four of the seed's structure; room for more). */
    public static final int PUBLISHED_SECTIONS = 10;
    /** Subheadings, paragraphs and charts of one section of a published summary. */
    public static final int PUBLISHED_PARTS = 20_000;
    /** One piece of text of a published summary (a narrative paragraph is at most 20,000 characters, the sentences far less). */
    public static final int PUBLISHED_TEXT = 50_000;
    /** A section's heading (the fixed headings of the seed's structure). */
    public static final int PUBLISHED_HEADING = 100;
    /** The published HTML page in characters (its charts as inline SVG included). */
    public static final int PUBLISHED_HTML = 16 * 1024 * 1024;
    /** A withdrawal's reason: {@code withdrawal_reason varchar(500)}. */
    public static final int WITHDRAWAL_REASON = 500;
    /** The public link of a published summary: {@code /api/v1/public/annual-summaries/<unit>/<year>}. */
    public static final int PUBLIC_LINK = 80;
    /** If-None-Match: a few entity tags of the public pages (each at most 26 characters). */
    public static final int IF_NONE_MATCH = 512;

    // downloads

    /** Largest ledger export (.xlsx) in bytes; a larger one answers 400 too-large (narrow the filters). */
    public static final int EXPORT_BYTES = 100 * 1024 * 1024;
    /** Largest annual summary as .docx in bytes; a larger one answers 400 too-large. */
    public static final int DOCX_BYTES = 32 * 1024 * 1024;

    private Limits() {
    }

    /** {@code text} cut to {@code max} characters (null stays null). */
    public static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
