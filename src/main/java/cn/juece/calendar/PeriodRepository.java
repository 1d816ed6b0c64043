package cn.juece.calendar;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The period table juece.statutory_period. */
@Repository
class PeriodRepository implements PeriodSource {

    private final JdbcClient jdbc;

    PeriodRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StatutoryPeriod> loadPeriods() {
        return jdbc.sql("""
                SELECT code, name_zh, length, unit, kind, strictness, public_window, article, counted_from
                FROM juece.statutory_period ORDER BY code""")
                .query((rs, i) -> new StatutoryPeriod(rs.getString(1), rs.getString(2), rs.getInt(3),
                        PeriodUnit.valueOf(rs.getString(4)), PeriodKind.valueOf(rs.getString(5)),
                        Strictness.valueOf(rs.getString(6)), rs.getBoolean(7), rs.getString(8), rs.getString(9)))
                .list();
    }

    boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM juece.statutory_period WHERE code = ?").param(code)
                .query(Long.class).single() > 0;
    }

    void insert(StatutoryPeriod p) {
        jdbc.sql("""
                INSERT INTO juece.statutory_period (code, name_zh, length, unit, kind, strictness, public_window, article, counted_from)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.code(), p.nameZh(), p.length(), p.unit().name(), p.kind().name(), p.strictness().name(),
                        p.publicWindow(), p.article(), p.countedFrom())
                .update();
    }
}
