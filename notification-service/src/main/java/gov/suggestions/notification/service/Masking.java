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
}
