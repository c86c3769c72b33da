package gov.suggestions.suggestion.domain;

/**
 * Every bound the API documents, written once: requests are validated with these numbers (Bean Validation, or
 * the service's own checks where named), responses are documented with them, and each is what the code really
 * keeps — a column's length (db/migration), a request limit at which the value was accepted, or a cap the
 * service enforces itself (409, or a capped query). The service README lists them ("Limits").
 */
public final class Limits {

    private Limits() {
    }

    /**
     * If-Match: an ETag, {@code "<version>"} or {@code W/"<version>"}, is at most 23 characters; longer values are refused
     * (400 naming If-Match) before anything is read. The same bound in every service of the suite.
     */
    public static final int IF_MATCH = 64;

    /** Code of a congress body or handling unit: {@code [a-z0-9][a-z0-9-]{1,39}}, varchar(40). */
    public static final int CODE = 40;
    /** Name of a congress body, a session or a handling unit: varchar(100). */
    public static final int NAME = 100;
    /** Unified social credit code (统一社会信用代码): exactly 18 characters. */
    public static final int CREDIT_CODE = 18;

    /** A deputy's roster id: varchar(64). */
    public static final int DEPUTY_ID = 64;
    /** A deputy's name: varchar(50). */
    public static final int DEPUTY_NAME = 50;
    /** A delegation (代表团): varchar(100). */
    public static final int DELEGATION = 100;
    /** A deputy's phone: varchar(30). */
    public static final int PHONE = 30;
    /** A deputy's e-mail: varchar(100). */
    public static final int EMAIL = 100;

    /** A suggestion's number, unique within its congress body: varchar(32). */
    public static final int NUMBER = 32;
    /** A suggestion's title: varchar(200). */
    public static final int TITLE = 200;
    /** A suggestion's full text (the column is text; registration and import refuse longer). */
    public static final int BODY = 20_000;
    /** One topic (主题词): varchar(50). */
    public static final int TOPIC = 50;
    /** Topics of one suggestion. */
    public static final int TOPICS = 20;
    /** Subject category (分类): varchar(100). */
    public static final int SUBJECT_CATEGORY = 100;
    /** Co-signers (附议) of one suggestion. */
    public static final int CO_SIGNERS = 100;
    /** Sessions of one congress body. */
    public static final int SESSIONS = 100;
    /** Term and session of a congress: 1–99. */
    public static final int TERM = 99;
    /** First and last year a suggestion or session may carry. */
    public static final int FIRST_YEAR = 1949;
    public static final int LAST_YEAR = 2100;

    /** Units a suggestion is assigned to at one time (the assignment and every approved reassignment: 409 beyond). */
    public static final int UNITS = 20;
    /** Reason of a withdrawal: varchar(500). */
    public static final int WITHDRAWAL_REASON = 500;
    /** Reason of a reassignment request and comment of its decision: varchar(1000). */
    public static final int REASSIGNMENT_TEXT = 1000;
    /** Reassignment requests one suggestion may collect (409 beyond). */
    public static final int REASSIGNMENT_REQUESTS = 100;
    /** Suggestions one suggestion may be linked to (并案; 409 beyond). */
    public static final int LINKS = 50;
    /** Units' cases shown with a suggestion (one per unit workflow-service reported; more are left out). */
    public static final int CASES = 100;
    /** Workflow role of a unit's case as stored: varchar(10). */
    public static final int CASE_ROLE = 10;
    /** Workflow state of a unit's case as stored: varchar(30). */
    public static final int CASE_STATE = 30;

    /** Similar suggestions answered with a registration. */
    public static final int SIMILAR_ON_REGISTRATION = 10;
    /** Most results of a search or of a similar-suggestions query ({@code limit}). */
    public static final int SIMILAR = 50;
    /** Words of a search ({@code q}). */
    public static final int QUERY = 200;

    /**
     * Entries of one suggestion's history; a change beyond answers 409. The caps above keep a history at 252 entries
     * at most (registration, withdrawal or assignment, each reassignment request and its decision, each link).
     */
    public static final int HISTORY_ENTRIES = 500;
    /** History action: varchar(40). */
    public static final int HISTORY_ACTION = 40;
    /** Who did it (the token's subject) as stored: varchar(200). */
    public static final int ACTOR = 200;
    /**
     * JSON of a history entry's changes. The largest is a registration's: every field within the limits above,
     * each character escaped at worst to six (a control character as a backslash, u and four hex digits), is below this; the history refuses longer.
     */
    public static final int HISTORY_CHANGES = 200_000;
    /** Hex SHA-256. */
    public static final int HASH = 64;
    /** Reason a history verification names. */
    public static final int VERIFICATION_REASON = 100;

    /** Largest page of a list ({@code size}). */
    public static final int PAGE_SIZE = 200;
    /** Last page number a list accepts ({@code page}). */
    public static final int LAST_PAGE = 100_000;
    /** Records of one bulk upsert. */
    public static final int BULK = 1000;

    /** Rows of one import (suggestion-import.max-rows may lower it, not raise it). */
    public static final int IMPORT_ROWS = 20_000;
    /** Last row number of an .xlsx sheet (the format's limit; a sheet beyond is refused). */
    public static final int SHEET_ROWS = 1_048_576;
    /** Number of a rejected import row as stored: varchar(64), a longer one is left out. */
    public static final int IMPORT_ERROR_NUMBER = 64;
    /** Reason of a rejected import row: varchar(2000), longer reasons cut. */
    public static final int IMPORT_ERROR_REASON = 2000;
    /** Note of a failed import: varchar(500). */
    public static final int IMPORT_FAILURE = 500;
    /** Largest request body in bytes (quarkus.http.limits.max-body-size: 16M; the service refuses to start above). */
    public static final int REQUEST_BODY_BYTES = 16 * 1024 * 1024;
    /** Largest spreadsheet template the service sends, in bytes. */
    public static final int TEMPLATE_BYTES = 64 * 1024;

    /** An Idempotency-Key: 8 to 100 printable ASCII characters (a UUID fits). */
    public static final int IDEMPOTENCY_KEY_MIN = 8;
    public static final int IDEMPOTENCY_KEY = 100;

    /** Largest value of an int, for documented counts. */
    public static final String INT_MAX = "2147483647";
    /** Largest value of a long, for documented versions and totals. */
    public static final String LONG_MAX = "9223372036854775807";
}
