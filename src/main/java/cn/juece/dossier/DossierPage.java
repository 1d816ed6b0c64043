package cn.juece.dossier;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsible;
import cn.juece.archive.ArchiveService;
import cn.juece.audit.AuditChains;
import cn.juece.audit.AuditTrail;
import cn.juece.deadline.PauseKind;
import cn.juece.deadline.StepPeriod;
import cn.juece.deadline.StepPeriods;
import cn.juece.decision.Art3Category;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.Stage;
import cn.juece.drafting.ArrangementService;
import cn.juece.drafting.Procedure;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.launch.LaunchService;
import cn.juece.proposal.EarlyStages;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.web.StaffPage;
import cn.juece.workflow.TaskActions;
import cn.juece.workflow.TaskView;

/**
 * The dossier page of a decision: stage, open steps (group, due date, checklist, completion), materials
 * with every version, procedure arrangements, the facts recorded (DECISIONS.md 25), the archive number and the
 * audit trail. Linked from every task form.
 */
@Controller
@StaffPage
class DossierPage {

    private final DecisionService decisions;
    private final MaterialService materials;
    private final TaskActions tasks;
    private final AuditTrail audit;
    private final ArrangementService arrangements;
    private final Directory directory;
    private final AppClock clock;
    private final EarlyStages earlyStages;
    private final StepPeriods stepPeriods;
    private final DossierFacts facts;
    private final ArchiveService archive;
    private final cn.juece.decision.DecisionStages stages;
    private final AuditChains auditChains;
    private final DecisionAccess access;
    private final LaunchService launch;
    private final cn.juece.archive.ArchivePackage archivePackage;

    DossierPage(cn.juece.archive.ArchivePackage archivePackage, cn.juece.decision.DecisionStages stages, DecisionService decisions, MaterialService materials, TaskActions tasks, AuditTrail audit,
                ArrangementService arrangements, Directory directory, AppClock clock, EarlyStages earlyStages,
                StepPeriods stepPeriods, DossierFacts facts, ArchiveService archive, AuditChains auditChains,
                DecisionAccess access, LaunchService launch) {
        this.access = access;
        this.launch = launch;
        this.archivePackage = archivePackage;
        this.facts = facts;
        this.archive = archive;
        this.stages = stages;
        this.auditChains = auditChains;
        this.earlyStages = earlyStages;
        this.stepPeriods = stepPeriods;
        this.decisions = decisions;
        this.materials = materials;
        this.tasks = tasks;
        this.audit = audit;
        this.arrangements = arrangements;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/decisions/{number}")
    String dossier(@PathVariable String number, Model model) {
        Decision d = decisions.get(number);
        model.addAttribute("d", d);
        model.addAttribute("directory", directory);
        model.addAttribute("stages", Arrays.stream(Stage.values()).toList());
        var open = tasks.openTasks(d);
        model.addAttribute("tasks", open);
        var me = directory.currentActor();
        model.addAttribute("colleagues", open.stream().collect(java.util.stream.Collectors.toMap(t -> t.id(), tasks::colleagues)));
        model.addAttribute("mayHandOver", open.stream().filter(t -> tasks.mayHandOver(t, me)).map(t -> t.id()).toList());
        // Stages 4-6 run in parallel: every stage whose process runs is current.
        List<Stage> openStages = stages.current(d);
        model.addAttribute("openStages", openStages);
        model.addAttribute("checklist", tasks.checklist(d));
        model.addAttribute("materials", materials.materials(d.id()));
        model.addAttribute("maxUpload", materials.maxSize().toMegabytes() + " MB");
        model.addAttribute("audit", audit.forDecision(d.id()));
        model.addAttribute("auditChain", auditChains.verify(d.number()));
        model.addAttribute("arrangements", arrangements.arrangements(d.id()));
        model.addAttribute("procedures", Procedure.values());
        model.addAttribute("categories", Art3Category.values());
        model.addAttribute("now", clock.now());
        model.addAttribute("early", earlyStages.view(d));
        model.addAttribute("periods", stepPeriods.forDecision(d.id()).stream().map(stepPeriods::describe).toList());
        model.addAttribute("pauses", stepPeriods.pauses(d.id()));
        model.addAttribute("deadlineChanges", stepPeriods.changes(d.id()));
        model.addAttribute("deviations", stepPeriods.deviations(d.id()));
        model.addAttribute("pauseKinds", PauseKind.values());
        model.addAttribute("facts", facts.of(d));
        model.addAttribute("archive", archive.record(d.id()).orElse(null));
        model.addAttribute("can", actions(d, me, open, openStages));
        model.addAttribute("mayRecordArchive", archive.mayRecord(directory.currentActor(), d));
        // Art. 59: what this matter's path requires the archive to hold, and the package for the government office
        model.addAttribute("archiveItems", d.ended() || d.stage() == Stage.ARCHIVE ? archive.completeness(d) : java.util.List.of());
        model.addAttribute("mayExportArchive", archivePackage.mayExport(me, d));
        model.addAttribute("ending", decisions.ending(d.id()).orElse(null));
        model.addAttribute("executionEntered", decisions.stageEntries(d.id()).stream().anyMatch(e -> e.stage() == Stage.EXECUTION));
        return "dossier";
    }

    /**
     * What the person may do on this dossier now (issue 11): each form is offered only to those the service behind it
     * lets act — the step's party resolved from the dossier, the unit's head for a shortening, the decision organ for
     * the units — and only in the stage it belongs to; the page lists these acts first, grouped by what they are for.
     *
     * @param complete  steps the person may complete now; {@code claim}: unheld steps of their party
     * @param pause     steps whose time the person may pause; {@code shorten}: steps whose "一般" minimum they may shorten
     * @param provides  whether they provide a named material (beyond 其他材料) to this decision
     */
    record Actions(boolean categorise, boolean study, boolean specialProcedure, boolean nameUnits, boolean changeUnits,
                   boolean draft, boolean legalOpinions, boolean arrange, boolean participation, boolean archive,
                   List<MaterialType> uploadTypes, boolean provides, Set<String> complete, Set<String> claim,
                   Set<String> pause, Set<String> shorten) {

        public boolean any() {
            return categorise || study || specialProcedure || nameUnits || changeUnits || draft || legalOpinions || arrange
                    || participation || archive || provides || !complete.isEmpty() || !claim.isEmpty() || !pause.isEmpty()
                    || !shorten.isEmpty();
        }
    }

    private Actions actions(Decision d, Actor me, List<TaskView> open, List<Stage> openStages) {
        boolean early = d.isOpen() && d.stage().number() <= Stage.LAUNCH.number();
        boolean study = d.isOpen() && d.stage() == Stage.PROPOSAL;
        boolean drafting = d.isOpen() && d.stage() == Stage.DRAFTING;
        Set<String> complete = new LinkedHashSet<>();
        Set<String> claim = new LinkedHashSet<>();
        Set<String> pause = new LinkedHashSet<>();
        Set<String> shorten = new LinkedHashSet<>();
        for (TaskView t : open) {
            if (tasks.mayComplete(d, t, me)) {
                complete.add(t.id());
            }
            if (d.isOpen() && t.assignee() == null && me.inAnyGroup(t.candidateGroups())) {
                claim.add(t.id());
            }
            if (d.isOpen() && stepPeriods.mayPause(me, t.candidateGroups(), stepPeriods.ofTask(t.id()).map(StepPeriod::periodCode).orElse(null))) {
                pause.add(t.id());
            }
            if (d.isOpen() && stepPeriods.mayShorten(me, t.candidateGroups())) {
                shorten.add(t.id());
            }
        }
        List<MaterialType> uploads = materials.uploadableTypes(d, me);
        return new Actions(
                early && access.mayAct(d, Responsible.STUDY_UNIT, Responsible.JUSTICE_BUREAU, Responsible.DECISION_ORGAN),
                study && access.mayAct(d, Responsible.STUDY_UNIT),
                early && access.mayAct(d, Responsible.STUDY_UNIT, Responsible.JUSTICE_BUREAU, Responsible.DECISION_ORGAN),
                d.stage() == Stage.LAUNCH && launch.mayNameUnits(d),
                d.stage().number() >= Stage.LAUNCH.number() && launch.mayNameUnits(d),
                drafting && access.mayAct(d, Responsible.LEAD_UNIT),
                drafting && access.mayAct(d, Responsible.LEAD_UNIT_LEGAL),
                drafting && access.mayAct(d, Responsible.LEAD_UNIT),
                openStages.contains(Stage.PARTICIPATION) && access.mayAct(d, Responsible.LEAD_UNIT),
                archive.mayRecord(me, d),
                uploads, uploads.stream().anyMatch(t -> !t.providers().isEmpty()), complete, claim, pause, shorten);
    }

    @PostMapping("/decisions/{number}/materials")
    String upload(@PathVariable String number, @RequestParam("type") String type,
                  @RequestParam(value = "title", required = false) String title,
                  @RequestParam(value = "note", required = false) String note,
                  @RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        if (file == null) {
            throw RuleViolation.badRequest("UPLOAD_EMPTY", "请选择要上传的文件。");
        }
        materials.upload(number, MaterialApi.parseType(type), title, file.getOriginalFilename(), file.getContentType(),
                file.getBytes(), note);
        return "redirect:/decisions/" + number + "#materials";
    }

    @GetMapping("/decisions/{number}/materials/versions/{versionId}")
    ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable long versionId) {
        return MaterialDownloads.forStaff(materials.download(number, versionId));
    }

    @PostMapping("/decisions/{number}/arrangements")
    String arrangement(@PathVariable String number, @RequestParam String procedure,
                       @RequestParam(required = false) Boolean required, @RequestParam(required = false) String ground,
                       @RequestParam(required = false) String reason) {
        if (required == null) {
            throw RuleViolation.badRequest("REQUIRED_FLAG_MISSING", "请选择是否开展该程序。");
        }
        arrangements.record(number, Procedure.parse(procedure), required, ground, reason);
        return "redirect:/decisions/" + number + "#arrangements";
    }

    @PostMapping("/decisions/{number}/tasks/{taskId}/claim")
    String claim(@PathVariable String number, @PathVariable String taskId) {
        tasks.claim(taskId);
        return "redirect:/decisions/" + number + "#tasks";
    }

    @PostMapping("/decisions/{number}/tasks/{taskId}/handover")
    String handOver(@PathVariable String number, @PathVariable String taskId, @RequestParam(required = false) String to) {
        tasks.handOver(taskId, to);
        return "redirect:/decisions/" + number + "#tasks";
    }

    @PostMapping("/decisions/{number}/tasks/{taskId}/complete")
    String complete(@PathVariable String number, @PathVariable String taskId,
                    @RequestParam(required = false) String outcome, @RequestParam(required = false) String reason) {
        cn.juece.support.Conflicts.retried(() -> tasks.complete(taskId, outcome, reason));   // issue 17
        return "redirect:/decisions/" + number + "?done";
    }

}
