package cn.juece.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.archive.ArchiveRequirements;
import cn.juece.workflow.Step;

/** Art. 59 for post-evaluation (Art. 56-57): whom the organ named, and every part of each evaluation report. */
@Component
class EvaluationArchive implements ArchiveRequirements {

    private final EvaluationPlans plans;
    private final EvaluationReports reports;

    EvaluationArchive(EvaluationPlans plans, EvaluationReports reports) {
        this.plans = plans;
        this.reports = reports;
    }

    @Override
    public List<Item> required(Context ctx) {
        List<Item> items = new ArrayList<>();
        for (Step s : ctx.completed(EvaluationService.DECIDE_TASK, Set.of("EVALUATE"))) {
            items.add(new Item("承担后评估工作的单位（及受委托第三方）的确定", "第五十六条", Context.because(s),
                    plans.forStep(ctx.decision().id(), s.taskId()).isPresent()));
        }
        for (Step s : ctx.completed(EvaluationPlans.CONDUCT_TASK)) {
            items.add(new Item("决策后评估报告各项内容", "第五十六条、第五十七条", Context.because(s),
                    reports.forStep(s.taskId()).map(r -> r.missing().isEmpty()).orElse(false)));
        }
        return items;
    }
}
