package cn.juece.execution;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.identity.Directory;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/**
 * Stage 10, execution (Art. 53-55): the organ divides the work before the units start; each unit's report step
 * closes only with its report recorded (and, for the final one, its own 决策执行情况报告 of this round), never while
 * execution is suspended; a stop, modification or resumption closes only with its legal ground and meeting recorded.
 */
@Component
class ExecutionGates implements StageGates {

    private final ExecutionPlan plans;
    private final ExecutionReports reports;
    private final ExecutionDecisions executionDecisions;
    private final Directory directory;
    private final cn.juece.support.AppClock clock;

    ExecutionGates(ExecutionPlan plans, ExecutionReports reports, ExecutionDecisions executionDecisions, Directory directory,
                   cn.juece.support.AppClock clock) {
        this.clock = clock;
        this.plans = plans;
        this.reports = reports;
        this.executionDecisions = executionDecisions;
        this.directory = directory;
    }

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.rule(ExecutionPlan.ASSIGN_TASK, Set.of(), "第五十三条", "EXECUTION_UNITS_MISSING",
                        "已明确决策执行单位及其任务和完成期限", ctx -> !plans.units(ctx.decision().id()).isEmpty(),
                        "尚未明确决策执行单位（第五十三条）：请在决策执行页面逐一写明执行单位、承担的任务和完成期限。"),
                new StageGate(ExecutionPlan.ASSIGN_TASK, Set.of(), "第五十三条", "EXECUTION_REPORT_CYCLE_MISSING",
                        "已确定定期报告执行情况的周期和首次报告日（不早于今天）",
                        ctx -> plans.plan(ctx.decision().id()).filter(p -> p.complete() && !p.firstReportOn().isBefore(today())).isPresent(),
                        ctx -> plans.plan(ctx.decision().id()).filter(ExecutionPlan.Plan::complete).isPresent()
                                ? "首次报告日已过（第五十三条）：请在决策执行页面重新确定首次报告日。"
                                : "尚未确定定期报告执行情况的周期和首次报告日（第五十三条）：请在决策执行页面确定。"),
                new StageGate(ExecutionReports.REPORT_TASK, Set.of(), "第五十五条", "EXECUTION_SUSPENDED", "决策未处于中止执行状态",
                        ctx -> !executionDecisions.suspended(ctx.decision().id()),
                        ctx -> "该决策已由行政首长决定中止执行（第五十五条），各执行单位的报告暂停，待决策机关研究决定恢复执行后再办理。"),
                new StageGate(ExecutionReports.REPORT_TASK, Set.of(), "第五十三条", "EXECUTION_REPORT_MISSING", "本期执行情况报告已填写",
                        ctx -> reports.hasReport(ctx.taskId()),
                        ctx -> "请先在决策执行页面填写本期执行情况报告（任务进展、存在的问题和下一步安排，第五十三条），再办理本环节。"),
                new StageGate(ExecutionReports.REPORT_TASK, Set.of("COMPLETED"), "第五十三条、第五十四条", "MATERIAL_MISSING_EXECUTION_REPORT",
                        "本单位本轮提交的《决策执行情况报告》（总结报告）",
                        ctx -> ctx.subjectUnit() != null
                                && reports.unitVersion(ctx.decision(), ctx.subjectUnit(), ctx.roundStartsAfter()).isPresent(),
                        ctx -> "本单位执行任务完成，应当提交《决策执行情况报告》（第五十三条、第五十四条）：请"
                                + (ctx.subjectUnit() == null ? "执行单位" : directory.unitName(ctx.subjectUnit()))
                                + "先在决策案卷中上传本单位的总结报告，再办理本环节。"),
                Gates.reason(ExecutionDecisions.ADJUST_TASK, "第五十五条", "写明研究的情况和决定的理由"),
                executionDecisions.recordedGate(ExecutionDecisions.ADJUST_TASK, Set.of("STOP", "MODIFY"), "第五十五条"),
                executionDecisions.recordedGate(ExecutionDecisions.SUSPENDED_TASK, Set.of("RESUME", "STOP", "MODIFY"), "第五十五条"));
    }

    private java.time.LocalDate today() {
        return clock.today();
    }
}
