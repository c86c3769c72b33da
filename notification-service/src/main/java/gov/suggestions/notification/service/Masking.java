package gov.suggestions.notification.service;

/** Deputies' and staff's addresses are personal data: responses that do not need them and logs show only these masks. */
public final class Masking {

    private Masking() {
    }

    /** 13800138000 → 138****8000 */
    public static String mobile(String mobile) {
        if (mobile == null) {
            return null;
        }
        if (mobile.length() < 7) {
            return "****";
        }
        return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }

    /** wang@example.org → w***@example.org */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** Masks whichever kind of address it is. */
    public static String address(String address) {
        return address == null ? null : address.contains("@") ? email(address) : mobile(address);
    }

    private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("(?<![0-9])(?:\\+?86[- ]?)?1[3-9][0-9]{9}(?![0-9])");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    /** Every mainland mobile number and e-mail address in a text masked (notices shown to readers who do not keep the roster). */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = MOBILE.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(mobile(m.group())));
        return EMAIL.matcher(masked).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(email(m.group())));
    }
}
