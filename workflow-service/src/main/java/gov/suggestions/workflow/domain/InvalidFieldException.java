package gov.suggestions.workflow.domain;

/** A rule the validation annotations cannot state was broken by one field of the request: 400 naming that field. */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final Text reason;

    public InvalidFieldException(String field, Text reason) {
        super(field + ": " + reason.en());
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public Text reason() {
        return reason;
    }

    /** The body must name the record its path names; otherwise 400 naming the field (it is never silently replaced). */
    public static void requireSame(String field, String inPath, String inBody) {
        if (inBody != null && !inBody.equals(inPath)) {
            throw new InvalidFieldException(field, Text.of("请求体中的 " + field + " (" + inBody + ") 与路径中的 (" + inPath + ") 不一致",
                    field + " in the body (" + inBody + ") differs from the path (" + inPath + ")"));
        }
    }
}
