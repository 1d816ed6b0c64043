package cn.juece.evaluation;

import java.util.Map;

import org.springframework.stereotype.Component;

import cn.juece.archive.ArchiveRecords;
import cn.juece.decision.Decision;

/** The post-evaluation's records in the archive package (Art. 59): whom the organ named, and each report's parts. */
@Component
class EvaluationArchiveRecords implements ArchiveRecords {

    private final EvaluationPlans plans;
    private final EvaluationReports reports;

    EvaluationArchiveRecords(EvaluationPlans plans, EvaluationReports reports) {
        this.plans = plans;
        this.reports = reports;
    }

    @Override
    public String name() {
        return "evaluation";
    }

    @Override
    public Object records(Decision d) {
        return Map.of("plans", plans.plans(d.id()), "reports", reports.reports(d.id()));
    }
}
