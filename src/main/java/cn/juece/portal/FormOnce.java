package cn.juece.portal;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.support.AppClock;

/**
 * A public form is taken once. Each portal form carries a random token ({@value #PARAM}), new with every page
 * rendered. The record a submission creates (an opinion, a hearing application, a questionnaire response, a
 * proposal, a feedback item) and a row {@code form_submission(token, fingerprint, receipt)} are written in one
 * transaction. The same form sent again with the same content (a double tap, a reload of the receipt page, the
 * browser resending after a dropped connection) finds the row and is answered with the first receipt: nothing is
 * stored twice, so Art. 28-29's counts and a hearing's applicants hold each submission once. The fingerprint is a
 * hash of what was typed: a person who goes back to the same page, changes the text and sends it has written a second
 * submission, and it is taken.
 *
 * <p>Two copies sent at the same moment both miss the row; the second one's insert then meets the first one's key
 * (the database makes it wait for the first transaction), its whole transaction is rolled back, and it is answered
 * with the first receipt too. A submission without a token (a client of the JSON API without an Idempotency-Key, an
 * older page) is taken as before. Rows are kept {@link #KEEP_DAYS} days, long enough for any resend.
 */
@Component
public class FormOnce {

    public static final String PARAM = "formToken";
    static final int KEEP_DAYS = 30;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    /** The receipt a submission answers with, and whether the same form had been taken before. */
    public record Outcome(String receipt, boolean repeated) {
    }

    /** A form's token with the fingerprint of what it carried. */
    public record Key(String token, String fingerprint) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AppClock clock;
    private final SecureRandom random = new SecureRandom();

    FormOnce(JdbcClient jdbc, TransactionTemplate transactions, AppClock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new token for a form about to be rendered: 128 random bits. */
    public String issue() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The token as sent, or null when there is none or it cannot be one of ours (then the form is taken as before). */
    public static String normalise(String token) {
        return token != null && SHAPE.matcher(token).matches() ? token : null;
    }

    /**
     * The key of a form sent with {@code token} carrying {@code fields} (what the person typed or chose, in a fixed
     * order; null and blank alike); null when there is no usable token.
     */
    public static Key key(String token, Object... fields) {
        String t = normalise(token);
        if (t == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Object f : fields) {
            String v = f == null ? "" : f instanceof byte[] b ? cn.juece.support.Hashes.sha256(b) : f.toString().strip();
            sb.append(v.length()).append(':').append(v).append('\n');
        }
        return new Key(t, cn.juece.support.Hashes.sha256(sb.toString()));
    }

    /**
     * Takes a form whose service writes in a transaction of the caller's (its methods join one): the record and the
     * key's row commit together. {@code submit} returns the receipt it stored. Without a key: just {@code submit}.
     */
    public Outcome submit(Key key, String form, Supplier<String> submit) {
        if (key == null) {
            return new Outcome(submit.get(), false);
        }
        return once(key, () -> transactions.execute(s -> {
            String receipt = submit.get();
            record(key, form, receipt);
            return receipt;
        }));
    }

    /**
     * Takes a form whose service records the key itself with {@link #record} (the comment intake, which commits the
     * public's opinions in groups on a thread of its own).
     */
    public Outcome submitRecorded(Key key, Supplier<String> submit) {
        return key == null ? new Outcome(submit.get(), false) : once(key, submit);
    }

    private Outcome once(Key key, Supplier<String> submit) {
        Optional<String> first = firstReceipt(key);
        if (first.isPresent()) {
            return new Outcome(first.get(), true);
        }
        try {
            return new Outcome(submit.get(), false);
        } catch (DuplicateKeyException twin) {
            // a copy of the same form committed first (its transaction ended before this insert failed)
            return firstReceipt(key).map(r -> new Outcome(r, true)).orElseThrow(() -> twin);
        }
    }

    /** The receipt the form was answered with, if it was taken (in the caller's transaction when there is one). */
    public Optional<String> firstReceipt(Key key) {
        if (key == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT receipt FROM juece.form_submission WHERE token = ? AND fingerprint = ?")
                .params(key.token(), key.fingerprint()).query(String.class).optional();
    }

    /** Records the key with the receipt of the record just written, in the caller's transaction; nothing without a key. */
    public void record(Key key, String form, String receipt) {
        if (key == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a form's key is recorded in the transaction of its record");
        }
        jdbc.sql("INSERT INTO juece.form_submission (token, fingerprint, form, receipt, submitted_at) VALUES (?, ?, ?, ?, ?)")
                .params(key.token(), key.fingerprint(), form, receipt, clock.now()).update();
    }

    /** Forgets the tokens of forms taken more than {@link #KEEP_DAYS} days ago (every node may run it: deletes do not collide in effect). */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    public int prune() {
        OffsetDateTime before = clock.now().minusDays(KEEP_DAYS);
        return transactions.execute(s -> jdbc.sql("DELETE FROM juece.form_submission WHERE submitted_at < ?").param(before).update());
    }
}
