package cn.juece.execution;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.decision.DecisionService;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api/decisions/{number}/execution")
@Tag(name = "决策执行", description = "明确执行单位并分解任务、定期报告、报告问题、公众意见建议、督查、中止/停止/修改执行（第五十三条至第五十五条、第五十八条）")
class ExecutionApi {

    private final DecisionService decisions;
    private final ExecutionView view;
    private final ExecutionPlan plans;
    private final ExecutionReports reports;
    private final ExecutionIncidents incidents;
    private final ExecutionDecisions executionDecisions;
    private final ExecutionFeedback feedback;
    private final ExecutionInspections inspections;

    ExecutionApi(DecisionService decisions, ExecutionView view, ExecutionPlan plans, ExecutionReports reports,
                 ExecutionIncidents incidents, ExecutionDecisions executionDecisions, ExecutionFeedback feedback,
                 ExecutionInspections inspections) {
        this.decisions = decisions;
        this.view = view;
        this.plans = plans;
        this.reports = reports;
        this.incidents = incidents;
        this.executionDecisions = executionDecisions;
        this.feedback = feedback;
        this.inspections = inspections;
    }

    @GetMapping
    @Operation(summary = "决策执行情况：执行单位及任务、各期报告、问题、决定、措施、督查、意见建议")
    Map<String, Object> get(@PathVariable String number) {
        return view.json(decisions.get(number));
    }

    @PutMapping("/plan")
    @Operation(summary = "确定定期报告的周期和首次报告日（决策机关，第五十三条）",
            description = "cycle：MONTHLY 每月、QUARTERLY 每季度、HALF_YEARLY 每半年、YEARLY 每年；firstReportOn：首次报告日（遇休息日顺延至下一个工作日）。")
    ExecutionPlan.Plan plan(@PathVariable String number, @RequestBody PlanRequest r) {
        return plans.setCycle(number, r.cycle(), r.firstReportOn());
    }

    @PutMapping("/units/{unit}")
    @Operation(summary = "明确决策执行单位及其任务、完成期限（决策机关，第五十三条）")
    ExecutionPlan.UnitTask unit(@PathVariable String number, @PathVariable String unit, @RequestBody UnitRequest r) {
        return plans.nameUnit(number, unit, r.task(), r.deadline());
    }

    @DeleteMapping("/units/{unit}")
    @Operation(summary = "取消误列的执行单位（执行开始前）")
    Map<String, Object> removeUnit(@PathVariable String number, @PathVariable String unit) {
        plans.removeUnit(number, unit);
        return Map.of("removed", unit);
    }

    @PostMapping("/reports")
    @Operation(summary = "执行单位报告本期执行情况（第五十三条）",
            description = "finalReport=true 为本单位任务完成的总结报告（须先上传本单位的《决策执行情况报告》）；complete=true 同时办结本单位的报告待办。")
    ExecutionReports.Period report(@PathVariable String number, @RequestBody ReportRequest r) {
        return reports.report(number, r.unit(), r.content(), Boolean.TRUE.equals(r.finalReport()), !Boolean.FALSE.equals(r.complete()));
    }

    @PutMapping("/reports/{id}/publication")
    @Operation(summary = "决策机关决定向社会公开的执行进展")
    ExecutionReports.Period publish(@PathVariable String number, @PathVariable long id, @RequestBody PublicationRequest r) {
        return reports.publish(number, id, r.summary());
    }

    @PostMapping("/incidents")
    @Operation(summary = "执行单位报告决策存在问题、客观情况重大变化或不可抗力（第五十四条）",
            description = "kind：PROBLEM、CIRCUMSTANCES_CHANGED、FORCE_MAJEURE。决策机关收到通知，其研究决定的待办随即开启。")
    ExecutionIncidents.Incident incident(@PathVariable String number, @RequestBody IncidentRequest r) {
        return incidents.report(number, r.unit(), r.kind(), r.description());
    }

    @PostMapping("/review")
    @Operation(summary = "决策机关提请研究决策执行情况（开启“研究决定继续执行、停止执行或者修改决策”）")
    Map<String, Object> review(@PathVariable String number) {
        return Map.of("opened", executionDecisions.requestReview(number));
    }

    @PostMapping("/suspension")
    @Operation(summary = "情况紧急，行政首长先决定中止执行（第五十五条）",
            description = "仅限行政首长。groundKind：PROBLEM_FOUND、CIRCUMSTANCES_CHANGED、FORCE_MAJEURE、EVALUATION；ground：具体情形。各执行单位的报告待办及计时随即暂停。")
    ExecutionDecisions.Record suspend(@PathVariable String number, @RequestBody GroundRequest r) {
        return executionDecisions.suspend(number, r.groundKind(), r.ground());
    }

    @PostMapping("/decisions")
    @Operation(summary = "记录决策机关停止执行、修改决策或恢复执行的决定（第五十五条、第五十七条）",
            description = "kind：STOP、MODIFY、RESUME；须有法定事由（groundKind、ground）和决策机关会议（meetingId：会议管理中本机关已召开、"
                    + "已将该事项执行问题列入议题并记录行政首长决定的会议）。"
                    + "complete=true 同时办结决策机关的待办（taskId 缺省为当前待办）。")
    ExecutionDecisions.Record decide(@PathVariable String number, @RequestBody DecisionRequest r) {
        return executionDecisions.record(number, r.taskId(), r.kind(), r.groundKind(), r.ground(), r.meetingId(),
                !Boolean.FALSE.equals(r.complete()));
    }

    @PostMapping("/measures")
    @Operation(summary = "记录避免或者减轻损失的措施（第五十五条）")
    ExecutionDecisions.Measure measure(@PathVariable String number, @RequestBody MeasureRequest r) {
        return executionDecisions.addMeasure(number, r.content());
    }

    @PostMapping("/feedback")
    @Operation(summary = "登记通过信件、电话、电子邮件、政务新媒体收到的意见建议（第五十四条）",
            description = "channel：LETTER、PHONE、EMAIL、NEW_MEDIA；receivedOn：收到日期。返回回执号。")
    ExecutionFeedback.Item enter(@PathVariable String number, @RequestBody FeedbackRequest r) {
        return feedback.enter(number, r.channel(), r.authorName(), r.contact(), r.content(), r.receivedOn());
    }

    @PutMapping("/feedback/{id}/route")
    @Operation(summary = "将意见建议转交执行单位办理（决策机关或其办公室）")
    ExecutionFeedback.Item route(@PathVariable String number, @PathVariable long id, @RequestBody RouteRequest r) {
        return feedback.route(number, id, r.unit());
    }

    @PutMapping("/feedback/{id}/answer")
    @Operation(summary = "承办的执行单位答复意见建议")
    ExecutionFeedback.Item answer(@PathVariable String number, @PathVariable long id, @RequestBody AnswerRequest r) {
        return feedback.answer(number, id, r.answer());
    }

    @PostMapping("/inspections")
    @Operation(summary = "记录决策执行督查：督查检查、调查复核、情况通报（第五十八条）", description = "kind：INSPECTION、INVESTIGATION、NOTICE。")
    ExecutionInspections.Inspection inspect(@PathVariable String number, @RequestBody InspectionRequest r) {
        return inspections.record(number, r.kind(), r.title(), r.findings(), r.heldOn());
    }

    record PlanRequest(String cycle, LocalDate firstReportOn) {
    }

    record UnitRequest(String task, LocalDate deadline) {
    }

    record ReportRequest(String unit, String content, Boolean finalReport, Boolean complete) {
    }

    record PublicationRequest(String summary) {
    }

    record IncidentRequest(String unit, String kind, String description) {
    }

    record GroundRequest(String groundKind, String ground) {
    }

    record DecisionRequest(String taskId, String kind, String groundKind, String ground, Long meetingId, Boolean complete) {
    }

    record MeasureRequest(String content) {
    }

    record FeedbackRequest(String channel, String authorName, String contact, String content, LocalDate receivedOn) {
    }

    record RouteRequest(String unit) {
    }

    record AnswerRequest(String answer) {
    }

    record InspectionRequest(String kind, String title, String findings, LocalDate heldOn) {
    }
}
