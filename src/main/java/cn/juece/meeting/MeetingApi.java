package cn.juece.meeting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.document.DocumentService;
import cn.juece.support.AppClock;
import cn.juece.support.JsonApi;
import cn.juece.support.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api/meetings")
@Tag(name = "常务会议", description = "第四十八条至第五十条：安排常务会议或全体会议、出席和列席人员、议题（第四十九条材料）、会议记录、会议纪要")
class MeetingApi {

    private final MeetingRecords records;
    private final MeetingView view;
    private final AppClock clock;

    MeetingApi(MeetingRecords records, MeetingView view, AppClock clock) {
        this.records = records;
        this.view = view;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "本人所属决策机关的会议（分页，日期最近的在前）",
            description = "page 从0开始，size 每页条数（默认20，至多200）。总数在响应头 X-Total-Count 中。")
    org.springframework.http.ResponseEntity<List<Map<String, Object>>> list(@RequestParam(required = false) Integer page,
                                                                            @RequestParam(required = false) Integer size) {
        int[] b = cn.juece.support.Page.bounds(page, size);
        return cn.juece.support.PageHeaders.ok(view.list(b[0], b[1]));
    }

    record NewMeeting(String organ, String kind, String name, LocalDate date, String place) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "安排常务会议（EXECUTIVE）或全体会议（PLENARY）")
    MeetingRecords.Meeting schedule(@RequestBody NewMeeting b) {
        return records.schedule(b.organ(), b.kind(), b.name(), b.date(), b.place());
    }

    @GetMapping("/openness")
    @Operation(summary = "邀请利益相关方、公众、专家、媒体列席的会议次数（政务公开要求每年不少于3次）")
    Map<String, Object> openness(@RequestParam(required = false) Integer year) {
        return view.openness(year == null ? clock.today().getYear() : year);
    }

    @GetMapping("/{meetingId}")
    Map<String, Object> get(@PathVariable long meetingId) {
        return view.of(meetingId);
    }

    record NewAttendee(String category, String personId, String name, String affiliation) {
    }

    @PostMapping("/{meetingId}/attendees")
    @ResponseStatus(HttpStatus.CREATED)
    MeetingRecords.Attendee attendee(@PathVariable long meetingId, @RequestBody NewAttendee b) {
        view.of(meetingId);
        return records.addAttendee(meetingId, b.category(), b.personId(), b.name(), b.affiliation());
    }

    @PostMapping("/{meetingId}/agenda")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "列入议题（须具备第四十九条规定的材料）")
    MeetingRecords.Item agenda(@PathVariable long meetingId, @RequestBody Map<String, String> b) {
        view.of(meetingId);
        return records.addToAgenda(meetingId, b.get("decision"));
    }

    record Explanations(String leadExplanation, String legalityExplanation) {
    }

    @PutMapping("/{meetingId}/items/{itemId}/explanations")
    MeetingRecords.Item explanations(@PathVariable long meetingId, @PathVariable long itemId, @RequestBody Explanations b) {
        item(meetingId, itemId);
        return records.recordExplanations(itemId, b.leadExplanation(), b.legalityExplanation());
    }

    record ViewBody(String view, String remarks) {
    }

    @PutMapping("/{meetingId}/items/{itemId}/views/{personId}")
    @Operation(summary = "会议组成人员逐一发表的意见（AGREE、DISAGREE、ABSTAIN），按姓名记录（第五十条、第六十条）")
    MeetingRecords.MemberView memberView(@PathVariable long meetingId, @PathVariable long itemId, @PathVariable String personId,
                                         @RequestBody ViewBody b) {
        item(meetingId, itemId);
        return records.recordView(itemId, personId, b.view(), b.remarks());
    }

    record HeadDecision(String decision, String remarks, String overrideReason) {
    }

    @PutMapping("/{meetingId}/items/{itemId}/decision")
    @Operation(summary = "行政首长的决定（APPROVED、APPROVED_IN_PRINCIPLE、REJECTED）；与多数意见不一致的须说明理由（第五十条）")
    MeetingRecords.Item decision(@PathVariable long meetingId, @PathVariable long itemId, @RequestBody HeadDecision b) {
        item(meetingId, itemId);
        return records.recordHeadDecision(itemId, b.decision(), b.remarks(), b.overrideReason());
    }

    @PostMapping("/{meetingId}/items/{itemId}/minutes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "根据会议记录生成会议纪要（Word 和 PDF）")
    DocumentService.Generated minutes(@PathVariable long meetingId, @PathVariable long itemId) {
        item(meetingId, itemId);
        return records.generateMinutes(itemId);
    }

    private void item(long meetingId, long itemId) {
        view.of(meetingId);
        if (records.item(itemId).meetingId() != meetingId) {
            throw RuleViolation.notFound("MEETING_ITEM_NOT_FOUND", "会议议题不存在：" + itemId);
        }
    }
}
