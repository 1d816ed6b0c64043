package cn.juece.risk;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.juece.decision.Decision;
import cn.juece.evaluation.PriorWork;

/**
 * Art. 56: the third-party organisations commissioned for the risk assessment of this matter (Art. 36, table
 * risk_assessor), as prior work the post-evaluation's conflict check reads: such an organisation did the main
 * assessment work and may not evaluate. Every commissioned organisation counts, also one later replaced.
 */
@Component
class RiskPriorWork implements PriorWork.Source {

    private final RiskRecords risk;

    RiskPriorWork(RiskRecords risk) {
        this.risk = risk;
    }

    @Override
    public List<PriorWork> priorWork(Decision d) {
        List<PriorWork> work = new ArrayList<>();
        for (RiskRecords.Assessor a : risk.assessors(d.id())) {
            if (a.mode() == RiskRecords.Mode.COMMISSIONED && a.organisationName() != null) {
                work.add(new PriorWork(a.organisationName(), "受委托承担风险评估", "第三十六条"));
            }
        }
        return work;
    }
}
