package cn.juece.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.decision.Decision;
import cn.juece.execution.ExecutionPageSection;
import cn.juece.execution.ExecutionPlan;
import cn.juece.identity.Actor;
import cn.juece.identity.Groups;
import cn.juece.web.StaffPage;

/** The post-evaluation section of the execution page (Art. 56-57) and its forms, calling the same services as /api. */
@Controller
@StaffPage
class EvaluationPages implements ExecutionPageSection {

    private final EvaluationPlans plans;
    private final EvaluationReports reports;
    private final ExecutionPlan execution;
    private final cn.juece.access.Responsibilities responsibilities;

    EvaluationPages(EvaluationPlans plans, EvaluationReports reports, ExecutionPlan execution,
                    cn.juece.access.Responsibilities responsibilities) {
        this.plans = plans;
        this.reports = reports;
        this.execution = execution;
        this.responsibilities = responsibilities;
    }

    @Override
    public void addTo(Decision d, Actor me, Model model) {
        boolean organ = me.groups().contains(Groups.decisionOrgan(d.organCode()));
        boolean evaluator = me.inAnyGroup(responsibilities.groups(d, java.util.List.of(cn.juece.access.Responsible.EVALUATOR)));
        var open = execution.stepsOf(d).stream().filter(s -> s.isOpen()).toList();
        model.addAttribute("evaluationPlans", plans.plans(d.id()));
        model.addAttribute("evaluationReports", reports.reports(d.id()));
        model.addAttribute("evaluationParts", EvaluationReports.Part.values());
        model.addAttribute("recommendations", EvaluationReports.Recommendation.values());
        model.addAttribute("mayRequestEvaluation", organ && execution.working(d)
                && open.stream().noneMatch(s -> EvaluationPlans.EVALUATION_TASKS.contains(s.taskKey())));
        model.addAttribute("mayNameEvaluator", organ && d.isOpen() && open.stream().anyMatch(s -> EvaluationPlans.DECIDE_TASK.equals(s.taskKey())));
        model.addAttribute("mayReportEvaluation", evaluator && d.isOpen() && open.stream().anyMatch(s -> EvaluationPlans.CONDUCT_TASK.equals(s.taskKey())));
    }

    @PostMapping("/decisions/{number}/execution/evaluation/request")
    String request(@PathVariable String number) {
        plans.request(number);
        return back(number);
    }

    @PostMapping("/decisions/{number}/execution/evaluation/plan")
    String plan(@PathVariable String number, @RequestParam(required = false) String evaluatorUnit,
                @RequestParam(required = false) String thirdParty, @RequestParam(required = false) String note) {
        plans.name(number, evaluatorUnit, thirdParty, note);
        return back(number);
    }

    @PostMapping("/decisions/{number}/execution/evaluation/report")
    String report(@PathVariable String number, @RequestParam Map<String, String> form) {
        Map<EvaluationReports.Part, String> parts = new LinkedHashMap<>();
        for (EvaluationReports.Part p : EvaluationReports.Part.values()) {
            parts.put(p, form.get(p.name()));
        }
        reports.record(number, parts, form.get("recommendation"), form.get("recommendationReason"));
        return back(number);
    }

    private static String back(String number) {
        return "redirect:/decisions/" + number + "/execution#evaluation";
    }
}
