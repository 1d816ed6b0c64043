package cn.juece.drafting;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.drafting.DraftingRecord.DrafterMode;
import cn.juece.drafting.DraftingRecord.LegalVoice;
import cn.juece.web.StaffPage;

/** The dossier page's forms for stage 3. */
@Controller
@StaffPage
class DraftingPages {

    private final DraftingService drafting;

    DraftingPages(DraftingService drafting) {
        this.drafting = drafting;
    }

    @PostMapping("/decisions/{number}/drafting/drafter")
    String drafter(@PathVariable String number, @RequestParam(required = false) String mode,
                   @RequestParam(required = false) String organisation) {
        drafting.recordDrafter(number, DraftingApi.parse(DrafterMode.class, blank(mode), "DRAFTER_MODE_INVALID", "自行起草、委托起草"), organisation);
        return back(number);
    }

    @PostMapping("/decisions/{number}/drafting/questions")
    String questions(@PathVariable String number, @RequestParam(required = false) Boolean touchesMarket,
                     @RequestParam(required = false) Boolean touchesTrade) {
        drafting.answerQuestions(number, touchesMarket, touchesTrade);
        return back(number);
    }

    @PostMapping("/decisions/{number}/drafting/cost-benefit")
    String costBenefit(@PathVariable String number, @RequestParam(required = false) String basicInfo,
                       @RequestParam(required = false) String method, @RequestParam(required = false) String conclusion,
                       @RequestParam(required = false) String effect) {
        drafting.recordCostBenefit(number, basicInfo, method, conclusion, effect);
        return back(number);
    }

    @PostMapping("/decisions/{number}/drafting/legal-opinions")
    String legalOpinion(@PathVariable String number, @RequestParam(required = false) String voice,
                        @RequestParam(required = false) String name, @RequestParam(required = false) String opinion) {
        drafting.recordLegalOpinion(number, DraftingApi.parse(LegalVoice.class, blank(voice), "LEGAL_VOICE_INVALID", "法律顾问、公职律师"), name, opinion);
        return back(number);
    }

    @PostMapping("/decisions/{number}/drafting/consultation")
    String consult(@PathVariable String number, @RequestParam(required = false) List<String> units) {
        drafting.consultUnits(number, units);
        return back(number);
    }

    @PostMapping("/decisions/{number}/drafting/consultation/position")
    String position(@PathVariable String number, @RequestParam String unit, @RequestParam(required = false) String position,
                    @RequestParam(defaultValue = "false") boolean settled) {
        drafting.leadPosition(number, unit, position, settled);
        return back(number);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String back(String number) {
        return "redirect:/decisions/" + number + "#early-drafting";
    }
}
