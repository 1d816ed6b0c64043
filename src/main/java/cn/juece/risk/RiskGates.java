package cn.juece.risk;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/** Stage 6, risk assessment (Art. 36-40): a report with a level; the organ's finding on controllability. */
@Component
class RiskGates implements StageGates {

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.material("risk-assess", MaterialType.RISK_REPORT),
                Gates.reason("risk-finding", "第四十条", "说明风险是否可控的研究结论", "UNCONTROLLABLE"),
                Gates.reason("risk-adjust", "第四十条", "说明对决策草案作了哪些调整"));
    }
}
