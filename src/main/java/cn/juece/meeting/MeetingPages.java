package cn.juece.meeting;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.web.StaffPage;

/** The government office's meetings pages (/meetings): every form calls the same service method as /api. */
@Controller
@StaffPage
class MeetingPages {

    private final MeetingRecords records;
    private final MeetingView view;
    private final AppClock clock;

    MeetingPages(MeetingRecords records, MeetingView view, AppClock clock) {
        this.records = records;
        this.view = view;
        this.clock = clock;
    }

    @GetMapping("/meetings")
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        int[] b = cn.juece.support.Page.bounds(page, size);
        var paged = view.list(b[0], b[1]);
        model.addAttribute("rows", paged.items());
        model.addAttribute("list", paged);
        // a unit's clerk (not of an organ-wide role) sees no meeting list and no organ's figure: the page says where to look
        model.addAttribute("seesMeetings", !view.organs().isEmpty());
        model.addAttribute("mayArrange", view.mayArrange());
        model.addAttribute("openness", view.openness(clock.today().getYear()));
        model.addAttribute("kinds", MeetingRecords.Kind.values());
        return "meetings";
    }

    @PostMapping("/meetings")
    String schedule(@RequestParam(required = false) String kind, @RequestParam(required = false) String name,
                    @RequestParam(required = false) LocalDate date, @RequestParam(required = false) String place) {
        var m = records.schedule(null, kind, name, date, place);
        return "redirect:/meetings/" + m.id();
    }

    @GetMapping("/meetings/{meetingId}")
    String meeting(@PathVariable long meetingId, Model model) {
        model.addAttribute("v", view.of(meetingId));
        model.addAttribute("categories", MeetingRecords.Category.values());
        model.addAttribute("views", MeetingRecords.View.values());
        return "meeting";
    }

    @PostMapping("/meetings/{meetingId}/attendees")
    String attendee(@PathVariable long meetingId, @RequestParam(required = false) String category,
                    @RequestParam(required = false) String personId, @RequestParam(required = false) String name,
                    @RequestParam(required = false) String affiliation) {
        view.of(meetingId);
        records.addAttendee(meetingId, category, personId, name, affiliation);
        return back(meetingId);
    }

    @PostMapping("/meetings/{meetingId}/agenda")
    String agenda(@PathVariable long meetingId, @RequestParam(required = false) String decision) {
        view.of(meetingId);
        records.addToAgenda(meetingId, decision == null ? "" : decision.strip());
        return back(meetingId);
    }

    @PostMapping("/meetings/{meetingId}/items/{itemId}/explanations")
    String explanations(@PathVariable long meetingId, @PathVariable long itemId, @RequestParam(required = false) String leadExplanation,
                        @RequestParam(required = false) String legalityExplanation) {
        check(meetingId, itemId);
        records.recordExplanations(itemId, leadExplanation, legalityExplanation);
        return back(meetingId);
    }

    @PostMapping("/meetings/{meetingId}/items/{itemId}/views")
    String memberView(@PathVariable long meetingId, @PathVariable long itemId, @RequestParam(required = false) String personId,
                      @RequestParam(required = false) String view, @RequestParam(required = false) String remarks) {
        check(meetingId, itemId);
        records.recordView(itemId, personId, view, remarks);
        return back(meetingId);
    }

    @PostMapping("/meetings/{meetingId}/items/{itemId}/decision")
    String decision(@PathVariable long meetingId, @PathVariable long itemId, @RequestParam(required = false) String decision,
                    @RequestParam(required = false) String remarks, @RequestParam(required = false) String overrideReason) {
        check(meetingId, itemId);
        records.recordHeadDecision(itemId, decision, remarks, overrideReason);
        return back(meetingId);
    }

    @PostMapping("/meetings/{meetingId}/items/{itemId}/minutes")
    String minutes(@PathVariable long meetingId, @PathVariable long itemId) {
        check(meetingId, itemId);
        records.generateMinutes(itemId);
        return back(meetingId);
    }

    private void check(long meetingId, long itemId) {
        view.of(meetingId);
        if (records.item(itemId).meetingId() != meetingId) {
            throw RuleViolation.notFound("MEETING_ITEM_NOT_FOUND", "会议议题不存在：" + itemId);
        }
    }

    private static String back(long meetingId) {
        return "redirect:/meetings/" + meetingId;
    }
}
