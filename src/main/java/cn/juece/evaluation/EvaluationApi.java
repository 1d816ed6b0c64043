package cn.juece.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

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
@RequestMapping("/api/decisions/{number}/evaluation")
@Tag(name = "决策后评估", description = "执行中随时决定是否评估，确定评估单位（第三方回避），评估报告各项内容（第五十六条、第五十七条）")
class EvaluationApi {

    private final DecisionService decisions;
    private final EvaluationPlans plans;
    private final EvaluationReports reports;

    EvaluationApi(DecisionService decisions, EvaluationPlans plans, EvaluationReports reports) {
        this.decisions = decisions;
        this.plans = plans;
        this.reports = reports;
    }

    @GetMapping
    @Operation(summary = "确定的评估单位及评估报告内容")
    Map<String, Object> get(@PathVariable String number) {
        var d = decisions.get(number);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plans", plans.plans(d.id()));
        m.put("reports", reports.reports(d.id()));
        return m;
    }

    @PostMapping("/requests")
    @Operation(summary = "执行期间提请研究是否开展后评估（决策机关，第五十六条）", description = "开启“决定是否开展决策后评估”待办。")
    Map<String, Object> request(@PathVariable String number) {
        plans.request(number);
        return Map.of("requested", true);
    }

    @PutMapping("/plan")
    @Operation(summary = "确定承担评估具体工作的单位及受委托第三方（决策机关，第五十六条）",
            description = "evaluatorUnit：承担评估工作的单位代码；thirdParty：委托的社会组织或专业机构（可选），"
                    + "曾承担本事项主要论证、评估或委托起草工作的第三方被拒绝（EVALUATOR_CONFLICT）。")
    EvaluationPlans.Plan plan(@PathVariable String number, @RequestBody PlanRequest r) {
        return plans.name(number, r.evaluatorUnit(), r.thirdParty(), r.note());
    }

    @PutMapping("/report")
    @Operation(summary = "记录评估报告各项内容（评估单位，第五十六条、第五十七条）",
            description = "aimsFit、costBenefit、acceptance、developmentFit、impacts（第五十六条第一至五项），processMethod、executionStatus、"
                    + "problems（第五十七条第一至三项），recommendation：CONTINUE、STOP、MODIFY 及 recommendationReason（第四项）。")
    EvaluationReports.Report report(@PathVariable String number, @RequestBody ReportRequest r) {
        Map<EvaluationReports.Part, String> parts = new LinkedHashMap<>();
        parts.put(EvaluationReports.Part.AIMS_FIT, r.aimsFit());
        parts.put(EvaluationReports.Part.COST_BENEFIT, r.costBenefit());
        parts.put(EvaluationReports.Part.ACCEPTANCE, r.acceptance());
        parts.put(EvaluationReports.Part.DEVELOPMENT_FIT, r.developmentFit());
        parts.put(EvaluationReports.Part.IMPACTS, r.impacts());
        parts.put(EvaluationReports.Part.PROCESS_METHOD, r.processMethod());
        parts.put(EvaluationReports.Part.EXECUTION_STATUS, r.executionStatus());
        parts.put(EvaluationReports.Part.PROBLEMS, r.problems());
        return reports.record(number, parts, r.recommendation(), r.recommendationReason());
    }

    record PlanRequest(String evaluatorUnit, String thirdParty, String note) {
    }

    record ReportRequest(String aimsFit, String costBenefit, String acceptance, String developmentFit, String impacts,
                         String processMethod, String executionStatus, String problems, String recommendation,
                         String recommendationReason) {
    }
}
