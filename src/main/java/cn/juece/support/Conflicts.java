package cn.juece.support;

import java.util.function.Predicate;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;

/**
 * Two requests on the same thing at the same moment (issue 17: no 500 under concurrency). A person who completes a
 * step twice (a double click) or together with a colleague meets the first completion: the engine finds the step's
 * execution gone ({@link NullValueException}) or its row changed under it ({@link OptimisticLockingException}). A
 * conflict that only needs another try (two parallel steps of one decision reaching their join together) is retried
 * by {@link #retried}; what is left is answered as a refusal in Chinese (404 or 409), with nothing saved — on /api,
 * the pages and the engine REST API alike.
 */
public final class Conflicts {

    static final int ATTEMPTS = 3;
    /** SQLState of a unique-key violation (the SQL standard's class 23; the same on H2 and PostgreSQL). */
    private static final String UNIQUE_VIOLATION = "23505";

    private Conflicts() {
    }

    /** The refusal an exception from a concurrent change amounts to, or null when it is not one. */
    public static RuleViolation refusalFor(Throwable e) {
        if (any(e, NullValueException.class::isInstance)) {
            return RuleViolation.notFound("NOT_FOUND",
                    "所办理的环节或对象不存在，或刚刚已经办结（可能是重复提交，或他人同时办理）。本次操作未保存任何内容，请刷新后查看。");
        }
        if (isRetryable(e) || any(e, t -> t instanceof DuplicateKeyException || isUniqueViolation(t))) {
            return new RuleViolation(HttpStatus.CONFLICT, "CONCURRENT_CHANGE",
                    "该事项正被他人同时办理，本次操作未保存任何内容。请刷新页面查看最新情况后再办理。");
        }
        return null;
    }

    /** Runs {@code action} (a transaction of its own), again when a concurrent change to the same rows made it fail. */
    public static void retried(Runnable action) {
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isRetryable(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean isRetryable(Throwable e) {
        return any(e, t -> t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException);
    }

    /**
     * A unique key met by a concurrent twin, as the database reports it underneath the engine's own wrapping. On
     * PostgreSQL the engine answers a listener's failed insert with "current transaction is aborted" (SQLState 25P02),
     * whose cause is the duplicate key; Spring's translation is not in that chain.
     */
    private static boolean isUniqueViolation(Throwable t) {
        return t instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
    }

    /** Whether the exception or any of its causes is such. */
    private static boolean any(Throwable e, Predicate<Throwable> such) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (such.test(t)) {
                return true;
            }
        }
        return false;
    }
}
