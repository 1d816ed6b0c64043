package cn.juece.decision;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decision numbers <organ>-<year>-<4-digit sequence> from a counter row per organ and year, taken in the
 * caller's transaction (DECISIONS.md 1): the row lock serialises concurrent creations, and a rolled-back
 * creation gives its number back.
 */
@Component
class DecisionNumbers {

    private final JdbcClient jdbc;
    private final cn.juece.support.DatabaseKind databases;

    DecisionNumbers(JdbcClient jdbc, cn.juece.support.DatabaseKind databases) {
        this.jdbc = jdbc;
        this.databases = databases;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(String organCode, int year) {
        return next(organCode, organCode, year);
    }

    /** The next number of the organ's counter for the year, headed by the organ's number prefix (Art. 64). */
    @Transactional(propagation = Propagation.MANDATORY)
    String next(String organCode, String prefix, int year) {
        if (increment(organCode, year) == 0) {
            // The year's first number (issue 17): registrations racing for it would collide on the counter's key.
            // Create the row at 0 so that exactly one insert wins and every racer then increments it under its row
            // lock. On PostgreSQL the losing insert waits for the winner and does nothing (a failed statement would
            // abort its transaction); on H2 it waits and fails on the key, which leaves the transaction usable.
            // (Locking the organ's row instead deadlocked on PostgreSQL against inserts that reference the organ.)
            if (databases.isPostgres()) {
                jdbc.sql("INSERT INTO juece.decision_counter (organ_code, counter_year, last_value) VALUES (?, ?, 0) "
                        + "ON CONFLICT (organ_code, counter_year) DO NOTHING").params(organCode, year).update();
            } else {
                try {
                    jdbc.sql("INSERT INTO juece.decision_counter (organ_code, counter_year, last_value) VALUES (?, ?, 0)")
                            .params(organCode, year).update();
                } catch (DuplicateKeyException raced) {
                    // another registration created it first
                }
            }
            increment(organCode, year);
        }
        int value = jdbc.sql("SELECT last_value FROM juece.decision_counter WHERE organ_code = ? AND counter_year = ?")
                .params(organCode, year).query(Integer.class).single();
        return String.format("%s-%d-%04d", prefix, year, value);
    }

    private int increment(String organCode, int year) {
        return jdbc.sql("UPDATE juece.decision_counter SET last_value = last_value + 1 WHERE organ_code = ? AND counter_year = ?")
                .params(organCode, year).update();
    }
}
