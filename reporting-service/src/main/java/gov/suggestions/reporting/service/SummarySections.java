package gov.suggestions.reporting.service;

import java.util.List;
import java.util.regex.Pattern;

/** The narrative sections of a draft the office may edit, by key; figures are never among them. */
public final class SummarySections {

    public static final String OPENING = "opening";
    /** 一、(二)办理工作的主要特点和成效 */
    public static final String BASIC_FEATURES = "basic-features";
    /** 二、(一)(二)(三) */
    public static final String MEASURES_LEADERSHIP = "measures-leadership";
    public static final String MEASURES_MECHANISM = "measures-mechanism";
    public static final String MEASURES_COMMUNICATION = "measures-communication";
    /** 三、 one per replied suggestion: "conversion-" + its number */
    public static final String CONVERSION_PREFIX = "conversion-";
    /** 四、下一步工作思路 */
    public static final String NEXT_STEPS = "next-steps";

    public static final List<String> FIXED = List.of(OPENING, BASIC_FEATURES, MEASURES_LEADERSHIP, MEASURES_MECHANISM,
            MEASURES_COMMUNICATION, NEXT_STEPS);

    /** Longest narrative one section may hold (the seed's longest section 三 entry is about 2,500 characters). */
    public static final int MAX_LENGTH = 20000;

    /** A key of a fixed section or a conversion entry (suggestion numbers are letters, digits and dashes). */
    public static final String KEY_PATTERN = "opening|basic-features|measures-leadership|measures-mechanism|measures-communication|next-steps"
            + "|conversion-[A-Za-z0-9-]{1,40}";

    /** Longest key {@link #KEY_PATTERN} admits: {@code conversion-} and a 40-character number (section_key varchar(60)). */
    public static final int KEY_LENGTH = 51;

    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

    private SummarySections() {
    }

    public static boolean known(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** Paragraphs of a narrative: one per non-blank line. */
    public static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
