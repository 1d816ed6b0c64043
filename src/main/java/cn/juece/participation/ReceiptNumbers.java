package cn.juece.participation;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * Receipt numbers for the public (DECISIONS.md 1): random, not enumerable, easy to read aloud and type
 * (no 0/O, 1/I/L), grouped as YJ-XXXX-XXXX-XXXX.
 */
@Component
class ReceiptNumbers {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private final SecureRandom random = new SecureRandom();

    String next(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < 12; i++) {
            if (i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
