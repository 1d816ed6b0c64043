package cn.juece.planner;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.access.DecisionAccess;
import cn.juece.decision.Decision;
import cn.juece.web.StaffPage;

/**
 * The planner's page (issue 16): the earliest lawful meeting date, its timeline, and a GET form for what-if (no script:
 * the form's parameters are the query; the dossier is never changed).
 */
@Controller
@StaffPage
class PlannerPage {

    private final PlannerView view;
    private final DecisionAccess access;

    PlannerPage(PlannerView view, DecisionAccess access) {
        this.view = view;
        this.access = access;
    }

    @GetMapping("/decisions/{number}/plan")
    String page(@PathVariable String number, @RequestParam(required = false) String start, @RequestParam(required = false) String comment,
                @RequestParam(required = false) String hearing, @RequestParam(required = false) String expert,
                @RequestParam(required = false) String risk, @RequestParam(required = false) String supplement, Model model) {
        Decision d = access.visible(number);
        PlanOptions o = PlannerView.options(start, comment, hearing, expert, risk, supplement);
        var shown = view.show(d, o);
        model.addAttribute("d", d);
        model.addAttribute("p", shown.plan());
        model.addAttribute("chart", shown.chart());
        model.addAttribute("recorded", o.isWhatIf() ? view.show(d, PlanOptions.RECORDED).plan() : null);
        model.addAttribute("o", o);
        return "planner";
    }
}
