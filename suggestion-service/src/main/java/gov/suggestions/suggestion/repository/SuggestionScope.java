package gov.suggestions.suggestion.repository;

/**
 * Which suggestions a caller may see, as the queries narrow by it: nothing at all, or those of one deputy (proposed
 * or co-signed), of one unit (assigned to it) and of one congress body, each only when named. Worked out from the
 * caller's token by the service layer, so that the queries know no roles.
 */
public record SuggestionScope(boolean nothing, String congressBody, String unit, String deputy) {

    /** A caller who may see no suggestion: no query is made at all. */
    public static final SuggestionScope NOTHING = new SuggestionScope(true, null, null, null);

    /** What may be seen, narrowed to the values that are not null. */
    public static SuggestionScope of(String congressBody, String unit, String deputy) {
        return new SuggestionScope(false, congressBody, unit, deputy);
    }
}
