package cn.juece.risk;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.juece.access.DecisionUnits;
import cn.juece.access.Responsible;
import cn.juece.decision.Decision;

/**
 * Art. 36: when the lead unit names another unit responsible for risk assessment, that unit is the decision's
 * {@link Responsible#RISK_ASSESSOR}: it sees the decision, acts on the stage's steps and provides the risk report.
 * Without one, the lead unit assesses (the fallback of {@link cn.juece.access.Responsibilities}).
 */
@Component
class RiskAssessorUnits implements DecisionUnits {

    private final JdbcClient jdbc;

    RiskAssessorUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Responsible party() {
        return Responsible.RISK_ASSESSOR;
    }

    @Override
    public Set<String> unitsOf(Decision d) {
        var latest = jdbc.sql("SELECT assessor_unit FROM juece.risk_assessor WHERE decision_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param(d.id()).query((rs, i) -> java.util.Optional.ofNullable(rs.getString(1))).list();
        return latest.isEmpty() || latest.get(0).isEmpty() ? Set.of() : Set.of(latest.get(0).get());
    }

    @Override
    public String decisionIdsOfUnitsSql() {
        return """
                SELECT r.decision_id FROM juece.risk_assessor r WHERE r.assessor_unit IN (:units)
                AND r.id = (SELECT MAX(r2.id) FROM juece.risk_assessor r2 WHERE r2.decision_id = r.decision_id)""";
    }
}
