package cn.juece.drafting;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.juece.access.DecisionUnits;
import cn.juece.access.Responsible;
import cn.juece.decision.Decision;

/** Art. 16: the departments and township governments consulted on the draft have a role in the decision. */
@Component
class ConsultedUnits implements DecisionUnits {

    private final JdbcClient jdbc;

    ConsultedUnits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Responsible party() {
        return Responsible.CONSULTED_UNIT;
    }

    @Override
    public Set<String> unitsOf(Decision d) {
        return new LinkedHashSet<>(jdbc.sql("SELECT unit_code FROM juece.consultation WHERE decision_id = ? ORDER BY id")
                .param(d.id()).query(String.class).list());
    }

    @Override
    public String decisionIdsOfUnitsSql() {
        return "SELECT c.decision_id FROM juece.consultation c WHERE c.unit_code IN (:units)";
    }
}
