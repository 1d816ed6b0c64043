package cn.juece.deadline;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.support.RuleViolation;
import cn.juece.web.StaffPage;

/** The dossier's forms for a pause and an approved shortening (the dossier page shows them, #periods). */
@Controller
@StaffPage
class DeadlinePage {

    private final StepPeriods stepPeriods;

    DeadlinePage(StepPeriods stepPeriods) {
        this.stepPeriods = stepPeriods;
    }

    @PostMapping("/decisions/{number}/periods/{taskId}/pauses")
    String pause(@PathVariable String number, @PathVariable String taskId, @RequestParam(required = false) String kind,
                 @RequestParam(required = false) LocalDate start, @RequestParam(required = false) LocalDate end,
                 @RequestParam(required = false) String reason) {
        PauseKind k;
        try {
            k = kind == null ? null : PauseKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("PAUSE_KIND_INVALID", "暂停事由“" + kind + "”无效。");
        }
        stepPeriods.pause(taskId, k, start, end, reason);
        return "redirect:/decisions/" + number + "#periods";
    }

    @PostMapping("/decisions/{number}/periods/{taskId}/deviation")
    String shorten(@PathVariable String number, @PathVariable String taskId, @RequestParam(required = false) String reason) {
        stepPeriods.shorten(taskId, reason);
        return "redirect:/decisions/" + number + "#periods";
    }
}
