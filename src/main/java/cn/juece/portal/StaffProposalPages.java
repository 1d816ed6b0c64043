package cn.juece.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.decision.Decision;
import cn.juece.identity.Directory;
import cn.juece.web.StaffPage;

/** Staff page: the public's written proposals, registered as decision matters or declined (Art. 11). */
@Controller
@StaffPage
class StaffProposalPages {

    private final PublicProposalService proposals;
    private final Directory directory;

    StaffProposalPages(PublicProposalService proposals, Directory directory) {
        this.proposals = proposals;
        this.directory = directory;
    }

    @GetMapping("/proposals")
    String list(Model model) {
        model.addAttribute("proposals", proposals.list());
        // Art. 64: the units of the organs whose proposals the person handles (a proposal's unit must be of its organ)
        model.addAttribute("units", proposals.handledOrgans(directory.currentActor()).stream()
                .flatMap(o -> directory.units(o).stream()).toList());
        model.addAttribute("service", proposals);
        return "proposals";
    }

    @PostMapping("/proposals/{id}/register")
    String register(@PathVariable long id, @RequestParam(required = false) String studyUnit) {
        Decision d = proposals.register(id, studyUnit);
        return "redirect:/decisions/" + d.number() + "?created";
    }

    @PostMapping("/proposals/{id}/decline")
    String decline(@PathVariable long id, @RequestParam(required = false) String reason) {
        proposals.decline(id, reason);
        return "redirect:/proposals";
    }
}
