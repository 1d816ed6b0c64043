package cn.juece.portal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Receipt numbers for the public (proposals now; comments and hearing applications later): random, not
 * enumerable (DECISIONS.md 1), 12 characters from an alphabet without look-alikes (no 0/O, 1/I): 60 bits.
 * Shown as XXXX-XXXX-XXXX; typed back in any case, with or without dashes or spaces.
 */
@Component
public class ReceiptNumbers {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 12;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The stored form of what a person typed, or empty when it cannot be a receipt number. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String s = typed.replaceAll("[\\s\\-－—]", "").toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH || !s.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** XXXX-XXXX-XXXX; anything else stored as a receipt (a paper register's own number, say) is shown as it is. */
    public static String display(String receipt) {
        if (receipt == null || receipt.length() != LENGTH) {
            return receipt == null ? "" : receipt;
        }
        return receipt.substring(0, 4) + "-" + receipt.substring(4, 8) + "-" + receipt.substring(8);
    }
}
