package cn.juece.execution;

import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.AppClock;
import cn.juece.web.StaffPage;
import cn.juece.workflow.Step;

/**
 * The execution page of a decision ({@code /decisions/{number}/execution}, linked from the dossier): the organ divides
 * the work and sets the report cycle; each unit reports on its period and reports problems; the public's opinions are
 * entered, routed and answered; supervision is recorded; the head suspends in an emergency; the organ decides at its
 * meeting; losses are limited. Each form calls the same service as /api; a refusal comes back on the page.
 */
@Controller
@StaffPage
class ExecutionPages {

    private final DecisionService decisions;
    private final ExecutionView view;
    private final ExecutionPlan plans;
    private final ExecutionReports reports;
    private final ExecutionIncidents incidents;
    private final ExecutionDecisions executionDecisions;
    private final ExecutionFeedback feedback;
    private final ExecutionInspections inspections;
    private final ObjectProvider<ExecutionPageSection> sections;
    private final Directory directory;
    private final AppClock clock;

    ExecutionPages(DecisionService decisions, ExecutionView view, ExecutionPlan plans, ExecutionReports reports,
                   ExecutionIncidents incidents, ExecutionDecisions executionDecisions, ExecutionFeedback feedback,
                   ExecutionInspections inspections, ObjectProvider<ExecutionPageSection> sections, Directory directory,
                   AppClock clock) {
        this.decisions = decisions;
        this.view = view;
        this.plans = plans;
        this.reports = reports;
        this.incidents = incidents;
        this.executionDecisions = executionDecisions;
        this.feedback = feedback;
        this.inspections = inspections;
        this.sections = sections;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/decisions/{number}/execution")
    String page(@PathVariable String number, Model model) {
        Decision d = decisions.get(number);
        Actor me = directory.currentActor();
        boolean organ = me.groups().contains(Groups.decisionOrgan(d.organCode()));
        boolean office = me.groups().contains(Groups.unit(directory.organ(d.organCode()).officeUnit()));
        List<String> myUnits = plans.units(d.id()).stream().map(ExecutionPlan.UnitTask::unitCode)
                .filter(u -> me.groups().contains(Groups.unit(u))).toList();
        List<Step> open = plans.stepsOf(d).stream().filter(Step::isOpen).toList();
        model.addAttribute("d", d);
        model.addAttribute("directory", directory);
        model.addAttribute("today", clock.today());
        model.addAttribute("plan", plans.plan(d.id()).orElse(null));
        model.addAttribute("units", view.units(d));
        model.addAttribute("periods", view.periods(d));
        model.addAttribute("incidents", incidents.incidents(d.id()));
        model.addAttribute("decisionRows", view.decisions(d));
        model.addAttribute("measures", executionDecisions.measures(d.id()));
        model.addAttribute("inspections", inspections.inspections(d.id()));
        model.addAttribute("feedback", feedback.items(d.id()));
        model.addAttribute("cycles", ReportCycle.values());
        model.addAttribute("incidentKinds", ExecutionIncidents.Kind.values());
        model.addAttribute("grounds", ExecutionDecisions.Ground.values());
        model.addAttribute("channels", ExecutionFeedback.Channel.values());
        model.addAttribute("inspectionKinds", ExecutionInspections.Kind.values());
        model.addAttribute("allUnits", directory.units(d.organCode()));
        boolean working = plans.working(d);
        boolean suspended = executionDecisions.suspended(d.id());
        model.addAttribute("working", working);
        model.addAttribute("suspended", suspended);
        model.addAttribute("assigning", d.isOpen() && organ && plans.openAssign(d).isPresent());
        model.addAttribute("isOrgan", organ);
        model.addAttribute("myReportSteps", myUnits.stream().map(u -> reports.openStep(d, u).orElse(null))
                .filter(java.util.Objects::nonNull).toList());
        model.addAttribute("myUnits", myUnits);
        model.addAttribute("mayReportIncident", working && !myUnits.isEmpty());
        model.addAttribute("mayReview", working && organ && open.stream().noneMatch(s -> ExecutionDecisions.ADJUST_TASK.equals(s.taskKey())));
        model.addAttribute("maySuspend", working && !suspended && me.groups().contains(Groups.executiveHead(d.organCode())));
        model.addAttribute("decidingSteps", organ && d.isOpen() ? open.stream()
                .filter(s -> ExecutionDecisions.DECIDING_TASKS.contains(s.taskKey())).toList() : List.of());
        model.addAttribute("meetingChoices", organ && d.isOpen() ? executionDecisions.meetingChoices(d) : List.of());
        model.addAttribute("mayMeasure", d.isOpen() && (organ || !myUnits.isEmpty()) && executionDecisions.latest(d.id()).isPresent());
        model.addAttribute("mayPublish", d.isOpen() && (organ || office));
        model.addAttribute("mayEnterFeedback", feedback.open(d) && (organ || office || !myUnits.isEmpty()));
        model.addAttribute("mayRoute", d.isOpen() && (organ || office));
        model.addAttribute("mayInspect", d.isOpen() && (organ || office) && plans.entered(d));
        sections.orderedStream().forEach(s -> s.addTo(d, me, model));
        return "execution";
    }

    @PostMapping("/decisions/{number}/execution/units")
    String unit(@PathVariable String number, @RequestParam(required = false) String unit, @RequestParam(required = false) String task,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline) {
        plans.nameUnit(number, unit, task, deadline);
        return back(number, "units");
    }

    @PostMapping("/decisions/{number}/execution/units/{unit}/remove")
    String removeUnit(@PathVariable String number, @PathVariable String unit) {
        plans.removeUnit(number, unit);
        return back(number, "units");
    }

    @PostMapping("/decisions/{number}/execution/plan")
    String plan(@PathVariable String number, @RequestParam(required = false) String cycle,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstReportOn) {
        plans.setCycle(number, cycle, firstReportOn);
        return back(number, "units");
    }

    @PostMapping("/decisions/{number}/execution/reports")
    String report(@PathVariable String number, @RequestParam(required = false) String unit,
                  @RequestParam(required = false) String content, @RequestParam(required = false) Boolean finalReport) {
        reports.report(number, unit, content, Boolean.TRUE.equals(finalReport), true);
        return back(number, "reports");
    }

    @PostMapping("/decisions/{number}/execution/reports/{id}/publication")
    String publish(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) String summary) {
        reports.publish(number, id, summary);
        return back(number, "reports");
    }

    @PostMapping("/decisions/{number}/execution/incidents")
    String incident(@PathVariable String number, @RequestParam(required = false) String unit, @RequestParam(required = false) String kind,
                    @RequestParam(required = false) String description) {
        incidents.report(number, unit, kind, description);
        return back(number, "incidents");
    }

    @PostMapping("/decisions/{number}/execution/review")
    String review(@PathVariable String number) {
        executionDecisions.requestReview(number);
        return back(number, "decisions");
    }

    @PostMapping("/decisions/{number}/execution/suspension")
    String suspend(@PathVariable String number, @RequestParam(required = false) String groundKind,
                   @RequestParam(required = false) String ground) {
        executionDecisions.suspend(number, groundKind, ground);
        return back(number, "decisions");
    }

    @PostMapping("/decisions/{number}/execution/decisions")
    String decide(@PathVariable String number, @RequestParam(required = false) String taskId, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String groundKind, @RequestParam(required = false) String ground,
                  @RequestParam(required = false) Long meetingId) {
        executionDecisions.record(number, taskId, kind, groundKind, ground, meetingId, true);
        return back(number, "decisions");
    }

    @PostMapping("/decisions/{number}/execution/measures")
    String measure(@PathVariable String number, @RequestParam(required = false) String content) {
        executionDecisions.addMeasure(number, content);
        return back(number, "decisions");
    }

    @PostMapping("/decisions/{number}/execution/feedback")
    String enter(@PathVariable String number, @RequestParam(required = false) String channel,
                 @RequestParam(required = false) String authorName, @RequestParam(required = false) String contact,
                 @RequestParam(required = false) String content,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn) {
        feedback.enter(number, channel, authorName, contact, content, receivedOn);
        return back(number, "feedback");
    }

    @PostMapping("/decisions/{number}/execution/feedback/{id}/route")
    String route(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) String unit) {
        feedback.route(number, id, unit);
        return back(number, "feedback");
    }

    @PostMapping("/decisions/{number}/execution/feedback/{id}/answer")
    String answer(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) String answer) {
        feedback.answer(number, id, answer);
        return back(number, "feedback");
    }

    @PostMapping("/decisions/{number}/execution/inspections")
    String inspect(@PathVariable String number, @RequestParam(required = false) String kind, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String findings,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn) {
        inspections.record(number, kind, title, findings, heldOn);
        return back(number, "inspections");
    }

    private static String back(String number, String anchor) {
        return "redirect:/decisions/" + number + "/execution#" + anchor;
    }
}
