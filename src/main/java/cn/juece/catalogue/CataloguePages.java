package cn.juece.catalogue;

import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.decision.Decision;
import cn.juece.identity.Directory;
import cn.juece.identity.Organ;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.web.StaffPage;

/** Staff pages of the annual catalogue: compile, submit, confirm, party approval, publish, change, export. */
@Controller
@StaffPage
class CataloguePages {

    private final CatalogueService catalogues;
    private final Directory directory;
    private final AppClock clock;

    CataloguePages(CatalogueService catalogues, Directory directory, AppClock clock) {
        this.catalogues = catalogues;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/catalogue")
    String list(Model model) {
        model.addAttribute("catalogues", catalogues.list());
        model.addAttribute("service", catalogues);
        // Art. 64: one who belongs to several organs names the organ whose catalogue they start; an organ set up to keep
        // no catalogue is not offered (and named, so the page says why there is nothing to start)
        var organs = directory.organsOf(directory.currentActor()).stream().map(directory::organ).toList();
        model.addAttribute("organChoices", organs.stream().filter(Organ::keepsCatalogue).toList());
        model.addAttribute("organsWithout", organs.stream().filter(o -> !o.keepsCatalogue()).map(Organ::name).toList());
        model.addAttribute("nextYear", clock.today().getYear() + 1);
        return "catalogues";
    }

    @PostMapping("/catalogue")
    String create(@RequestParam(required = false) Integer year, @RequestParam(required = false) String organ) {
        if (year == null) {
            throw RuleViolation.badRequest("CATALOGUE_YEAR_INVALID", "请填写年度。");
        }
        return "redirect:/catalogue/" + catalogues.create(year, organ).key();
    }

    @GetMapping("/catalogue/{key}")
    String catalogue(@PathVariable String key, Model model) {
        Catalogue c = catalogues.get(key);
        model.addAttribute("c", c);
        model.addAttribute("title", catalogues.title(c));
        model.addAttribute("items", catalogues.items(c));
        model.addAttribute("changes", catalogues.changes(c));
        model.addAttribute("requests", catalogues.requests(c));
        model.addAttribute("steps", catalogues.openSteps(c));
        model.addAttribute("audit", catalogues.auditTrail(c));
        model.addAttribute("units", directory.units(c.organCode()));
        model.addAttribute("plannedTimes", CatalogueService.PLANNED_TIMES);
        model.addAttribute("directory", directory);
        model.addAttribute("service", catalogues);
        return "catalogue";
    }

    @GetMapping("/catalogue/{key}/items/{itemId}/edit")
    String edit(@PathVariable String key, @PathVariable long itemId, Model model) {
        Catalogue c = catalogues.get(key);
        model.addAttribute("c", c);
        model.addAttribute("title", catalogues.title(c));
        model.addAttribute("item", catalogues.item(c, itemId));
        model.addAttribute("units", directory.units(c.organCode()));
        model.addAttribute("plannedTimes", CatalogueService.PLANNED_TIMES);
        model.addAttribute("requests", catalogues.requests(c));
        return "catalogue-item";
    }

    @PostMapping("/catalogue/{key}/items")
    String add(@PathVariable String key, @ModelAttribute ItemForm form) {
        catalogues.addItem(key, form);
        return "redirect:/catalogue/" + key + "#items";
    }

    @PostMapping("/catalogue/{key}/items/{itemId}")
    String update(@PathVariable String key, @PathVariable long itemId, @ModelAttribute ItemForm form) {
        catalogues.updateItem(key, itemId, form);
        return "redirect:/catalogue/" + key + "#items";
    }

    @PostMapping("/catalogue/{key}/items/{itemId}/remove")
    String remove(@PathVariable String key, @PathVariable long itemId, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) Long requestId) {
        catalogues.removeItem(key, itemId, reason, requestId);
        return "redirect:/catalogue/" + key + "#items";
    }

    @PostMapping("/catalogue/{key}/items/{itemId}/decision")
    String launch(@PathVariable String key, @PathVariable long itemId) {
        Decision d = catalogues.launchFromItem(key, itemId);
        return "redirect:/decisions/" + d.number() + "?created";
    }

    @PostMapping("/catalogue/{key}/items/{itemId}/link")
    String link(@PathVariable String key, @PathVariable long itemId, @RequestParam(required = false) String decisionNumber) {
        catalogues.linkDecision(key, itemId, decisionNumber);
        return "redirect:/catalogue/" + key + "#items";
    }

    @PostMapping("/catalogue/{key}/party-approval")
    String partyApproval(@PathVariable String key, @RequestParam(required = false) LocalDate date,
                         @RequestParam(required = false) String documentNumber) {
        catalogues.recordPartyApproval(key, date, documentNumber);
        return "redirect:/catalogue/" + key;
    }

    @PostMapping("/catalogue/{key}/tasks/{taskId}/complete")
    String complete(@PathVariable String key, @PathVariable String taskId,
                    @RequestParam(required = false) String outcome, @RequestParam(required = false) String reason) {
        catalogues.completeStep(key, taskId, outcome, reason);
        return "redirect:/catalogue/" + key + "?done";
    }

    @PostMapping("/catalogue/{key}/change-requests/{requestId}/resolve")
    String resolve(@PathVariable String key, @PathVariable long requestId,
                   @RequestParam(required = false) String outcome, @RequestParam(required = false) String reason) {
        catalogues.resolveRequest(key, requestId, outcome, reason);
        return "redirect:/catalogue/" + key + "#requests";
    }

    @GetMapping("/catalogue/{key}/export.csv")
    ResponseEntity<byte[]> export(@PathVariable String key) {
        return CatalogueApi.csv(catalogues, catalogues.get(key));
    }
}
