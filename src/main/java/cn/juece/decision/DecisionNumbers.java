package cn.juece.decision;

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

    DecisionNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(String organCode, int year) {
        if (increment(organCode, year) == 0) {
            // The year's first number (issue 17): registrations racing for it would collide on the counter's key.
            // Serialise them on the organ's row (which always exists); the first creates the counter, the others
            // then find it, committed, and take their number under its row lock.
            jdbc.sql("SELECT code FROM juece.organ WHERE code = ? FOR UPDATE").param(organCode).query(String.class).optional();
            if (increment(organCode, year) == 0) {
                jdbc.sql("INSERT INTO juece.decision_counter (organ_code, counter_year, last_value) VALUES (?, ?, 1)")
                        .params(organCode, year).update();
            }
        }
        int value = jdbc.sql("SELECT last_value FROM juece.decision_counter WHERE organ_code = ? AND counter_year = ?")
                .params(organCode, year).query(Integer.class).single();
        return String.format("%s-%d-%04d", organCode, year, value);
    }

    private int increment(String organCode, int year) {
        return jdbc.sql("UPDATE juece.decision_counter SET last_value = last_value + 1 WHERE organ_code = ? AND counter_year = ?")
                .params(organCode, year).update();
    }
}
