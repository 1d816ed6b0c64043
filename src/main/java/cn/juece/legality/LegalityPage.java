package cn.juece.legality;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.access.DecisionAccess;
import cn.juece.web.StaffPage;

/** Stage 7 on a page (/decisions/{number}/legality): every form calls the same service method as /api. */
@Controller
@StaffPage
class LegalityPage {

    private final LegalityRecords records;
    private final LegalityView view;
    private final DecisionAccess access;

    LegalityPage(LegalityRecords records, LegalityView view, DecisionAccess access) {
        this.records = records;
        this.view = view;
        this.access = access;
    }

    @GetMapping("/decisions/{number}/legality")
    String page(@PathVariable String number, Model model) {
        var d = access.visible(number);
        model.addAttribute("d", d);
        model.addAttribute("v", view.of(d));
        model.addAttribute("points", ReviewPoint.values());
        model.addAttribute("findings", ReviewPoint.Finding.values());
        model.addAttribute("conclusions", LegalityService.CONCLUSIONS);
        return "legality";
    }

    @PostMapping("/decisions/{number}/legality/office-meeting")
    String officeMeeting(@PathVariable String number, @RequestParam(required = false) LocalDate meetingDate,
                         @RequestParam(required = false) String meetingName, @RequestParam(required = false) String note) {
        records.recordOfficeMeeting(number, meetingDate, meetingName, note);
        return back(number);
    }

    @PostMapping("/decisions/{number}/legality/attestation")
    String attest(@PathVariable String number, @RequestParam(required = false) String statement) {
        records.attest(number, statement);
        return back(number);
    }

    @PostMapping("/decisions/{number}/legality/supplements")
    String supplement(@PathVariable String number, @RequestParam(required = false) String items) {
        records.requestSupplement(number, items);
        return back(number);
    }

    @PostMapping("/decisions/{number}/legality/review")
    String review(@PathVariable String number, @RequestParam(required = false) String adviserName,
                  @RequestParam(required = false) String adviserOpinion, @RequestParam(required = false) String lawyerName,
                  @RequestParam(required = false) String lawyerOpinion, @RequestParam(required = false) String methods,
                  @RequestParam(required = false) String overview, @RequestParam(required = false) String conclusion,
                  @RequestParam(required = false) String letterNumber) {
        records.recordReview(number, new LegalityRecords.ReviewInput(adviserName, adviserOpinion, lawyerName, lawyerOpinion, methods,
                overview, conclusion, letterNumber));
        return back(number);
    }

    @PostMapping("/decisions/{number}/legality/points")
    String point(@PathVariable String number, @RequestParam(required = false) String point, @RequestParam(required = false) String finding,
                 @RequestParam(required = false) String note) {
        records.recordPoint(number, point, finding, note);
        return back(number);
    }

    @PostMapping("/decisions/{number}/legality/suggestions")
    String suggestion(@PathVariable String number, @RequestParam(required = false) String problem,
                      @RequestParam(required = false) String risk, @RequestParam(required = false) String suggestion) {
        records.addSuggestion(number, problem, risk, suggestion);
        return back(number);
    }

    @PostMapping("/decisions/{number}/legality/letter")
    String letter(@PathVariable String number) {
        records.generateLetter(number);
        return back(number);
    }

    @PostMapping("/decisions/{number}/legality/sign-off")
    String signOff(@PathVariable String number) {
        records.signOff(number);
        return back(number);
    }

    @PostMapping("/decisions/{number}/legality/suggestions/{suggestionId}/adoption")
    String adoption(@PathVariable String number, @PathVariable long suggestionId, @RequestParam(required = false) String adoption,
                    @RequestParam(required = false) String explanation) {
        records.decideAdoption(number, suggestionId, adoption, explanation);
        return back(number);
    }

    private static String back(String number) {
        return "redirect:/decisions/" + number + "/legality";
    }
}
