package cn.juece.proposal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.web.StaffPage;

/** The dossier page's forms for stage 1. */
@Controller
@StaffPage
class ProposalPages {

    private final ProposalService proposals;

    ProposalPages(ProposalService proposals) {
        this.proposals = proposals;
    }

    @PostMapping("/decisions/{number}/study")
    String study(@PathVariable String number, @RequestParam(required = false) String problem,
                 @RequestParam(required = false) String reasonsBasis, @RequestParam(required = false) String preliminaryPlan,
                 @RequestParam(required = false) String necessity, @RequestParam(required = false) String feasibility) {
        proposals.recordStudy(number, new ProposalService.StudyRequest(problem, reasonsBasis, preliminaryPlan, necessity, feasibility));
        return "redirect:/decisions/" + number + "#early-study";
    }

    @PostMapping("/decisions/{number}/special-procedure")
    String special(@PathVariable String number, @RequestParam(defaultValue = "false") boolean applies,
                   @RequestParam(required = false) String basis) {
        proposals.flagSpecialProcedure(number, applies, basis);
        return "redirect:/decisions/" + number + "#early-study";
    }
}
