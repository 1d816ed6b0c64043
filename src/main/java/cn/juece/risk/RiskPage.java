package cn.juece.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.juece.access.Responsibilities;
import cn.juece.access.Responsible;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.dossier.Material;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.drafting.ArrangementService;
import cn.juece.drafting.Procedure;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.support.RuleViolation;
import cn.juece.web.StaffPage;
import cn.juece.workflow.TaskActions;

/**
 * The risk page of a decision (Art. 36-40), linked from the dossier: whether the assessment is held, who assesses,
 * the records of the round (plan, investigation, analysis, level, measures, report), the organ's findings and the
 * adjustments of the draft. Each form calls the same service method as /api; a refusal comes back here with its
 * Chinese message and code. Who sees it is who sees the decision (a clerk of an unrelated unit gets the 404 an
 * unknown number gets).
 */
@Controller
@StaffPage
class RiskPage {

    /** The steps of stage 6, for the page's checklist. */
    private static final Set<String> RISK_TASKS = Set.of(RiskRecords.ASSESS_TASK, RiskRecords.FINDING_TASK, RiskRecords.ADJUST_TASK);

    private final DecisionService decisions;
    private final RiskRecords records;
    private final RiskService risk;
    private final AssessorRegistry registry;
    private final ArrangementService arrangements;
    private final MaterialService materials;
    private final Responsibilities responsibilities;
    private final TaskActions tasks;
    private final Directory directory;

    RiskPage(DecisionService decisions, RiskRecords records, RiskService risk, AssessorRegistry registry,
             ArrangementService arrangements, MaterialService materials, Responsibilities responsibilities, TaskActions tasks,
             Directory directory) {
        this.decisions = decisions;
        this.records = records;
        this.risk = risk;
        this.registry = registry;
        this.arrangements = arrangements;
        this.materials = materials;
        this.responsibilities = responsibilities;
        this.tasks = tasks;
        this.directory = directory;
    }

    @GetMapping("/decisions/{number}/risk")
    String page(@PathVariable String number, Model model) {
        Decision d = decisions.get(number);
        Actor me = directory.currentActor();
        var view = risk.view(d);
        model.addAttribute("d", d);
        model.addAttribute("v", view);
        model.addAttribute("directory", directory);
        model.addAttribute("units", directory.units(d.organCode()).stream().filter(u -> !u.code().equals(d.leadUnit())).toList());
        model.addAttribute("organisations", registry.list(true));
        model.addAttribute("kinds", RiskKind.values());
        model.addAttribute("levels", List.of(RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW));
        model.addAttribute("methods", RiskRecords.Method.values());
        model.addAttribute("adoptions", RiskRecords.Adoption.values());
        model.addAttribute("commissionKinds", RiskRecords.CommissionKind.values());
        model.addAttribute("grounds", Procedure.RISK.grounds());
        model.addAttribute("analyses", view.current().analyses().stream()
                .collect(java.util.stream.Collectors.toMap(a -> a.kind().name(), a -> a)));
        model.addAttribute("mayLead", d.isOpen() && me.inAnyGroup(responsibilities.groups(d, List.of(Responsible.LEAD_UNIT))));
        model.addAttribute("mayAssess", d.isOpen() && me.inAnyGroup(responsibilities.groups(d, List.of(Responsible.RISK_ASSESSOR))));
        model.addAttribute("assessorGroups", responsibilities.names(responsibilities.groups(d, List.of(Responsible.RISK_ASSESSOR))));
        model.addAttribute("adjusting", records.openStep(d, RiskRecords.ADJUST_TASK).isPresent());
        var open = tasks.openTasks(d).stream().filter(t -> RISK_TASKS.contains(t.taskKey())).toList();
        var openNames = open.stream().map(t -> t.name()).toList();
        model.addAttribute("riskTasks", open);
        model.addAttribute("checklist", tasks.checklist(d).stream().filter(c -> openNames.contains(c.step())).toList());
        model.addAttribute("reports", materials.materials(d.id()).stream().filter(m -> m.type() == MaterialType.RISK_REPORT).toList());
        model.addAttribute("drafts", materials.materials(d.id()).stream().filter(m -> m.type() == MaterialType.DRAFT)
                .map(Material::latest).toList());
        model.addAttribute("userNames", new UserNames(directory));
        return "risk";
    }

    /** Names of people and groups for the template. */
    record UserNames(Directory directory) {
        public String person(String id) {
            return id == null ? "" : directory.displayName(id);
        }

        public String group(String id) {
            return id == null ? "" : directory.groupName(id);
        }
    }

    @PostMapping("/decisions/{number}/risk/arrangement")
    String arrangement(@PathVariable String number, @RequestParam(required = false) Boolean required,
                       @RequestParam(required = false) String ground, @RequestParam(required = false) String reason) {
        if (required == null) {
            throw RuleViolation.badRequest("REQUIRED_FLAG_MISSING", "请选择是否开展风险评估（第三十六条）。");
        }
        arrangements.record(number, Procedure.RISK, required, ground, reason);
        return back(number, "arrangement");
    }

    @PostMapping("/decisions/{number}/risk/assessor")
    String assessor(@PathVariable String number, @RequestParam(required = false) String unit, @RequestParam(required = false) String mode,
                    @RequestParam(required = false) Long organisationId, @RequestParam(required = false) String commissionKind,
                    @RequestParam(required = false) String commissionNumber,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate commissionDate,
                    @RequestParam(required = false) String commissionScope) {
        records.nameAssessor(number, new RiskRecords.AssessorRequest(unit, mode, organisationId, commissionKind, commissionNumber,
                commissionDate, commissionScope));
        return back(number, "assessor");
    }

    @PostMapping("/decisions/{number}/risk/plan")
    String plan(@PathVariable String number, @RequestParam(required = false) String purpose, @RequestParam(required = false) String scope,
                @RequestParam(required = false) String standards, @RequestParam(required = false) String methods,
                @RequestParam(required = false) String schedule) {
        records.recordPlan(number, new RiskRecords.PlanRequest(purpose, scope, standards, methods, schedule));
        return back(number, "plan");
    }

    @PostMapping("/decisions/{number}/risk/investigations")
    String investigation(@PathVariable String number, @RequestParam(required = false) String method,
                         @RequestParam(required = false) String visited,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                         @RequestParam(defaultValue = "false") boolean mostAffected,
                         @RequestParam(defaultValue = "false") boolean specialDifficulty,
                         @RequestParam(required = false) String opinions, @RequestParam(required = false) String adoption,
                         @RequestParam(required = false) String adoptionNote) {
        records.recordInvestigation(number, new RiskRecords.InvestigationRequest(method, visited, heldOn, mostAffected, specialDifficulty,
                opinions, adoption, adoptionNote));
        return back(number, "investigation");
    }

    @PostMapping("/decisions/{number}/risk/analyses/{kind}")
    String analysis(@PathVariable String number, @PathVariable String kind, @RequestParam(required = false) Boolean relevant,
                    @RequestParam(required = false) String risks, @RequestParam(required = false) String likelihood,
                    @RequestParam(required = false) String impact, @RequestParam(required = false) String level,
                    @RequestParam(required = false) String reason) {
        records.recordAnalysis(number, kind, new RiskRecords.AnalysisRequest(relevant, risks, likelihood, impact, level, reason));
        return back(number, "analysis");
    }

    @PostMapping("/decisions/{number}/risk/level")
    String level(@PathVariable String number, @RequestParam(required = false) String level,
                 @RequestParam(required = false) Boolean controllable, @RequestParam(required = false) String controllabilityNote) {
        records.recordLevel(number, new RiskRecords.LevelRequest(level, controllable, controllabilityNote));
        return back(number, "level");
    }

    @PostMapping("/decisions/{number}/risk/measures")
    String measures(@PathVariable String number, @RequestParam(required = false) String measures,
                    @RequestParam(required = false) String contingencyPlan) {
        records.recordMeasures(number, new RiskRecords.MeasuresRequest(measures, contingencyPlan));
        return back(number, "measures");
    }

    @PostMapping("/decisions/{number}/risk/adjustments")
    String adjustment(@PathVariable String number, @RequestParam(defaultValue = "false") boolean measuresAdded,
                      @RequestParam(defaultValue = "false") boolean contentChanged, @RequestParam(required = false) String description) {
        records.recordAdjustment(number, new RiskRecords.AdjustmentRequest(measuresAdded, contentChanged, description));
        return back(number, "finding");
    }

    /** The risk report (by the assessor) and the adjusted draft (by the lead unit), uploaded from this page. */
    @PostMapping("/decisions/{number}/risk/materials")
    String upload(@PathVariable String number, @RequestParam(required = false) String type,
                  @RequestParam(value = "file", required = false) MultipartFile file) throws java.io.IOException {
        MaterialType t = "DRAFT".equals(type) ? MaterialType.DRAFT : MaterialType.RISK_REPORT;
        if (file == null || file.isEmpty()) {
            throw RuleViolation.badRequest("UPLOAD_EMPTY", "请选择要上传的文件。");
        }
        materials.upload(number, t, null, file.getOriginalFilename(), file.getContentType(), file.getBytes(), null);
        return back(number, t == MaterialType.DRAFT ? "finding" : "report");
    }

    private static String back(String number, String anchor) {
        return "redirect:/decisions/" + number + "/risk#" + anchor;
    }
}
