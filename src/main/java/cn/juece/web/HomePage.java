package cn.juece.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.decision.Stage;
import cn.juece.support.Page;

import cn.juece.identity.Directory;
import cn.juece.support.AppClock;
import cn.juece.workflow.TaskActions;

/** "What must I do now": the open steps of my unit and roles, soonest due first, overdue in red (UI.md), paged. */
@Controller
@StaffPage
class HomePage {

    private final TaskActions tasks;
    private final Directory directory;
    private final AppClock clock;
    private final cn.juece.deadline.DeadlineChanges deadlineChanges;

    HomePage(TaskActions tasks, Directory directory, AppClock clock, cn.juece.deadline.DeadlineChanges deadlineChanges) {
        this.deadlineChanges = deadlineChanges;
        this.tasks = tasks;
        this.directory = directory;
        this.clock = clock;
    }

    /** One page of the work list (issue 17), by the period's day or by creation, filtered by stage and decision. */
    @GetMapping("/")
    String home(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String stage,
                @RequestParam(required = false) String decision, Model model) {
        int[] b = Page.bounds(page, size);
        Stage s = Stage.parseOrNull(stage);
        String order = Page.sort(sort);
        var list = tasks.workList(directory.currentActor(), b[0], b[1], order, s, decision);
        model.addAttribute("tasks", list.items());
        model.addAttribute("list", list);
        model.addAttribute("sort", order);
        model.addAttribute("stage", s);
        model.addAttribute("decision", decision == null ? "" : decision.strip());
        model.addAttribute("stageChoices", Stage.values());
        model.addAttribute("now", clock.now());
        // issue 16: deadlines of the person's units and roles that a loaded holiday notice moved
        var changes = deadlineChanges.recentFor(directory.currentActor().groups());
        int shown = cn.juece.deadline.DeadlineChanges.HOME_PAGE_LIMIT;
        model.addAttribute("deadlineChanges", changes.size() > shown ? changes.subList(0, shown) : changes);
        model.addAttribute("deadlineChangesMore", changes.size() > shown);
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
