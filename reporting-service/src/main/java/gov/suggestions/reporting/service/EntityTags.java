package gov.suggestions.reporting.service;

/**
 * If-Match as RFC 9110 (section 13.1.1) reads it: {@code *}, or a list of entity tags one of which equals the current
 * one by strong comparison. A weak tag ({@code W/"3"}) never matches: a write must rest on the exact representation
 * it was made from. A bare version ({@code 3}) is taken as {@code "3"}, as this API has always accepted it. The same
 * class is in every service of the suite.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** Whether {@code ifMatch} (present, not blank) names the current version. */
    public static boolean matches(String ifMatch, long version) {
        String current = Long.toString(version);
        for (String listed : ifMatch.split(",")) {
            String tag = listed.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                continue;
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
