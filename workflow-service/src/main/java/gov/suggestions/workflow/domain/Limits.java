package gov.suggestions.workflow.domain;

/**
 * The bounds of what this service accepts and answers, written once: requests are checked against them (Bean
 * Validation, or a 409 where a case would get more children) and the OpenAPI document states the same numbers for
 * the answers. Lengths of texts kept in a column are the column's (db/migration); the README's "Limits" lists them.
 */
public final class Limits {

    private Limits() {
    }

    // ---- facts of the suggestion, as the events carry them (the columns of handling_case and received_suggestion)

    /** {@code congress_body varchar(40)}. */
    public static final int CONGRESS_BODY = 40;
    /** {@code number varchar(32)}. */
    public static final int NUMBER = 32;
    /** {@code kind varchar(16)}. */
    public static final int KIND = 16;
    /** {@code title varchar(200)}. */
    public static final int TITLE = 200;
    /** {@code supervision_level varchar(30)}. */
    public static final int SUPERVISION_LEVEL = 30;
    /** {@code priority varchar(16)}. */
    public static final int PRIORITY = 16;
    /** {@code lead_deputy_id varchar(64)}: a deputy's roster id. */
    public static final int DEPUTY_ID = 64;
    /** {@code lead_deputy_name varchar(50)}. */
    public static final int DEPUTY_NAME = 50;
    /** {@code unit_code varchar(40)}; a unit code is also matched by {@link #UNIT_CODE_PATTERN}. */
    public static final int UNIT_CODE = 40;
    public static final String UNIT_CODE_PATTERN = "[a-z0-9][a-z0-9-]{1,39}";
    /** {@code unit_name varchar(100)}. */
    public static final int UNIT_NAME = 100;
    /** {@code source_event_id varchar(100)}: a CloudEvent id (also {@code inbox_event.event_id}). */
    public static final int EVENT_ID = 100;
    /** Years, terms and sessions an event may carry (as suggestion-service accepts them); others go to the dead-letter topic. */
    public static final int MIN_YEAR = 1949;
    public static final int MAX_YEAR = 2100;
    public static final int MIN_TERM = 1;
    public static final int MAX_TERM = 99;
    /** Cases one suggestion may have open at once (one per unit); an assignment beyond it goes to the dead-letter topic. */
    public static final int OPEN_CASES_PER_SUGGESTION = 50;

    // ---- people and texts the API takes

    /** A person's name (leader in charge, responsible person, participant, contact): {@code varchar(50)}. */
    public static final int PERSON_NAME = 50;
    /** A person's title (participant, contact). */
    public static final int PERSON_TITLE = 50;
    /**
     * A token subject: a person named at distribution, and every actor, recorder and author the service keeps
     * ({@code varchar(200)} columns).
     */
    public static final int SUBJECT = 200;
    /** A department of the unit (undertaking, assisting, a commitment's owner): {@code varchar(100)}. */
    public static final int DEPARTMENT = 100;
    /** Comments, summaries, views, reasons, notes: {@code varchar(2000)}. */
    public static final int TEXT = 2000;
    /** A draft's, letter's, joint opinion's or assisting opinion's content. */
    public static final int CONTENT = 20000;
    /** A commitment's measure: {@code varchar(500)}. */
    public static final int MEASURE = 500;
    /** A contact's phone. */
    public static final int PHONE = 30;
    /** Assisting departments named at distribution. */
    public static final int ASSISTING_DEPARTMENTS = 20;
    /** Participants of one communication. */
    public static final int PARTICIPANTS = 50;
    /** Commitments of one draft (and so of one reply letter). */
    public static final int COMMITMENTS = 50;
    /** Contacts of one draft. */
    public static final int CONTACTS = 10;

    // ---- how much a case holds

    /**
     * Rounds of a case: 1, plus one per re-handling; {@code workflow.max-rehandlings} is at most {@code MAX_ROUNDS - 1}.
     * Letters and evaluations are one per round.
     */
    public static final int MAX_ROUNDS = 10;
    /** Communications linked to one case, over all rounds (409 beyond). */
    public static final int COMMUNICATIONS_PER_CASE = 200;
    /** Draft versions of one case (409 beyond). */
    public static final int DRAFTS_PER_CASE = 200;
    /** Progress reports on one commitment (409 beyond). */
    public static final int PROGRESS_PER_COMMITMENT = 100;
    /** Commitments of one case: those of each round's letter. */
    public static final int COMMITMENTS_PER_CASE = COMMITMENTS * MAX_ROUNDS;
    /** History entries in one answer; the rest is read with {@code fromSeq}. */
    public static final int HISTORY_PAGE = 500;
    /** Steps of a review chain (configuration with more is refused at start). */
    public static final int REVIEW_STEPS = 8;
    /** What changed between two draft versions: category, content, commitments, contacts. */
    public static final int DRAFT_CHANGES = 4;

    // ---- fixed shapes

    /** {@code action varchar(40)} of a history entry. */
    public static final int ACTION = 40;
    /** A SHA-256 in hex. */
    public static final int SHA256_HEX = 64;
    /**
     * A history entry's detail (JSON of the step's own facts). The largest is a reply's, with up to 50 commitments
     * of at most 610 characters each, twice that when every character is escaped: about 65,000. Checked on append.
     */
    public static final int HISTORY_DETAIL = 100_000;
    /** {@code document_number varchar(60)}. */
    public static final int DOCUMENT_NUMBER = 60;
    /** The reply letter as .docx, in bytes; a larger one answers 500 instead of being sent. */
    public static final int REPLY_LETTER_BYTES = 1_048_576;
    /**
     * If-Match: the case's ETag, {@code "<version>"} or {@code W/"<version>"}, is at most 23 characters; longer
     * values are refused (400) before the case is read.
     */
    public static final int IF_MATCH = 64;
    /** Idempotency-Key: 8 to 100 printable ASCII characters ({@link Idempotency#KEY}). */
    public static final int IDEMPOTENCY_KEY_MIN = 8;
    public static final int IDEMPOTENCY_KEY = 100;
    /** Cases of one list page ({@code size} is at most this). */
    public static final int PAGE_SIZE = 200;
    public static final int MAX_PAGE = 100000;

    /** OpenAPI bounds of integers as text, as {@code @Schema(minimum, maximum)} takes them. */
    public static final String INT_MAX = "2147483647";
    public static final String LONG_MAX = "9223372036854775807";
}
