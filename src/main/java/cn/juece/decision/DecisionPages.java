package cn.juece.decision;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.access.DecisionAccess;
import cn.juece.identity.Directory;
import cn.juece.web.StaffPage;
import jakarta.validation.Valid;

/** Staff pages: the list of decisions, registering a proposal, the Art. 3 category. */
@Controller
@StaffPage
class DecisionPages {

    private final DecisionService decisions;
    private final DecisionAccess access;
    private final Directory directory;
    private final DecisionStages stages;

    DecisionPages(DecisionService decisions, DecisionAccess access, Directory directory, DecisionStages stages) {
        this.stages = stages;
        this.decisions = decisions;
        this.access = access;
        this.directory = directory;
    }

    /** One page of the decisions the person may see (issue 17): newest first or by due day, by stage and number. */
    @GetMapping("/decisions")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String stage,
                @RequestParam(required = false) String decision, @RequestParam(required = false) String organ, Model model) {
        int[] b = cn.juece.support.Page.bounds(page, size);
        String order = DecisionApi.sort(sort);
        Stage s = Stage.parseOrNull(stage);
        var paged = access.visiblePage(organ, s, decision, order, b[0], b[1]);
        model.addAttribute("organChoices", access.organs().stream().map(directory::organ).toList());
        model.addAttribute("organ", organ == null ? "" : organ.strip().toUpperCase(java.util.Locale.ROOT));
        List<Decision> list = paged.items();
        model.addAttribute("decisions", list);
        model.addAttribute("list", paged);
        model.addAttribute("sort", order);
        model.addAttribute("stage", s);
        model.addAttribute("decision", decision == null ? "" : decision.strip());
        model.addAttribute("stageChoices", Stage.values());
        model.addAttribute("stagesOf", stages.current(list));
        model.addAttribute("directory", directory);
        return "decisions";
    }

    @GetMapping("/decisions/new")
    String form(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewDecision("", "", null, null, "", "", "", List.of()));
        }
        // Art. 64: the units of the person's organs; the lead unit's organ is the matter's
        var unitGroups = new java.util.LinkedHashMap<cn.juece.identity.Organ, List<cn.juece.identity.OrgUnit>>();
        access.organs().forEach(o -> unitGroups.put(directory.organ(o), directory.units(o)));
        model.addAttribute("unitGroups", unitGroups);
        model.addAttribute("units", unitGroups.values().stream().flatMap(List::stream).toList());
        model.addAttribute("categories", Art3Category.values());
        model.addAttribute("sources", ProposalSource.values());
        return "decision-new";
    }

    @PostMapping("/decisions")
    String create(@Valid NewDecision form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            model.addAttribute("form", form);
            model.addAttribute("errors", errors.getFieldErrors().stream().map(f -> f.getDefaultMessage()).toList());
            return form(model);
        }
        Decision d = decisions.create(form);
        return "redirect:/decisions/" + d.number() + "?created";
    }

    @PostMapping("/decisions/{number}/category")
    String category(@PathVariable String number, @RequestParam(required = false) Art3Category category) {
        decisions.setCategory(number, category);
        return "redirect:/decisions/" + number;
    }
}
