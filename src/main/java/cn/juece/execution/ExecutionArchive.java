package cn.juece.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.archive.ArchiveRequirements;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionStatus;
import cn.juece.identity.Directory;
import cn.juece.workflow.Step;

/**
 * Art. 59 for execution (Art. 53-55): the records the execution produced on this matter's path — the division of the
 * work, each report of each completed report step (and the unit's 决策执行情况报告 when it finished), the legal ground
 * and meeting of every stop, modification or resumption, and, after a suspension, stop or modification, what was done
 * to limit losses.
 */
@Component
class ExecutionArchive implements ArchiveRequirements {

    private final ExecutionPlan plans;
    private final ExecutionReports reports;
    private final ExecutionDecisions executionDecisions;
    private final Directory directory;

    ExecutionArchive(ExecutionPlan plans, ExecutionReports reports, ExecutionDecisions executionDecisions, Directory directory) {
        this.plans = plans;
        this.reports = reports;
        this.executionDecisions = executionDecisions;
        this.directory = directory;
    }

    @Override
    public List<Item> required(Context ctx) {
        Decision d = ctx.decision();
        List<Item> items = new ArrayList<>();
        List<Step> assigned = ctx.completed(ExecutionPlan.ASSIGN_TASK);
        if (!assigned.isEmpty()) {
            items.add(new Item("决策执行单位及其任务、完成期限和报告周期", "第五十三条", Context.because(assigned.get(0)),
                    !plans.units(d.id()).isEmpty() && plans.plan(d.id()).filter(ExecutionPlan.Plan::complete).isPresent()));
        }
        for (Step s : ctx.completed(ExecutionReports.REPORT_TASK)) {
            var period = reports.byTask(s.taskId());
            String unit = directory.unitName(s.subjectUnit());
            items.add(new Item(unit + period.map(p -> "第" + p.periodNo() + "期").orElse("") + "执行情况报告", "第五十三条",
                    Context.because(s) + "（" + unit + "）", period.map(ExecutionReports.Period::reported).orElse(false)));
            if ("COMPLETED".equals(s.outcome()) && s.subjectUnit() != null) {
                items.add(new Item(unit + "的《决策执行情况报告》（总结报告）", "第五十三条、第五十四条", Context.because(s) + "（执行完毕）",
                        reports.unitVersion(d, s.subjectUnit(), 0).isPresent()));
            }
        }
        for (String key : ExecutionDecisions.DECIDING_TASKS) {
            for (Step s : ctx.completed(key, ExecutionDecisions.RECORDED_OUTCOMES)) {
                items.add(new Item("决策机关" + label(s.outcome()) + "的法定事由和会议记录", "第五十五条", Context.because(s),
                        executionDecisions.recordedFor(s.taskId(), s.outcome())));
            }
        }
        var changes = executionDecisions.records(d.id()).stream().filter(r -> r.kind() != ExecutionDecisions.Kind.RESUME).toList();
        if (!changes.isEmpty() || ctx.ending() == DecisionStatus.STOPPED) {
            var last = changes.isEmpty() ? null : changes.get(changes.size() - 1);
            boolean measured = executionDecisions.measures(d.id()).stream()
                    .anyMatch(m -> last == null || (m.executionDecisionId() != null && m.executionDecisionId() >= last.id()));
            items.add(new Item("避免或者减轻经济损失和不良影响的措施记录", "第五十五条",
                    last == null ? "决策已停止执行" : "决策机关作出" + last.kind().label() + "的决定", measured));
        }
        return items;
    }

    private static String label(String outcome) {
        return Set.of("STOP", "MODIFY", "RESUME").contains(outcome) ? ExecutionDecisions.Kind.valueOf(outcome).label() : outcome;
    }
}
