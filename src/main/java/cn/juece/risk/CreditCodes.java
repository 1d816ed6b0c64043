package cn.juece.risk;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) of an organisation: 18 characters from the
 * 31-character set (digits and capitals without I, O, S, V, Z); the last is a check character over the first 17,
 * weighted by 3^(i-1) mod 31.
 */
final class CreditCodes {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private CreditCodes() {
    }

    /** Whether the code has the form and the check character of a unified social credit code. */
    static boolean valid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }

    /** The check character of the first 17 characters. */
    static char checkCharacter(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }
}
