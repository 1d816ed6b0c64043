package cn.juece.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.juece.identity.Directory;
import cn.juece.support.AppClock;
import cn.juece.workflow.TaskActions;

/** "What must I do now": the open steps of my unit and roles, oldest first, overdue in red (UI.md). */
@Controller
@StaffPage
class HomePage {

    private final TaskActions tasks;
    private final Directory directory;
    private final AppClock clock;

    HomePage(TaskActions tasks, Directory directory, AppClock clock) {
        this.tasks = tasks;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("tasks", tasks.tasksOf(directory.currentActor()));
        model.addAttribute("now", clock.now());
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
