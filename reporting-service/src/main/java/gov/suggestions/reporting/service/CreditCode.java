package gov.suggestions.reporting.service;

/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17. */
public final class CreditCode {

    public static final String PATTERN = "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}";

    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    private CreditCode() {
    }

    public static boolean valid(String code) {
        if (code == null || !code.matches(PATTERN)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return CHARS.charAt((31 - sum % 31) % 31) == code.charAt(17);
    }
}
