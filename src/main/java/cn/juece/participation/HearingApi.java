package cn.juece.participation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.decision.DecisionService;
import cn.juece.support.JsonApi;
import cn.juece.support.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@Tag(name = "听证会", description = "是否听证、公告、报名、遴选、公布参加人、送达材料、召开、签字记录和听证报告（第二十二条至第二十六条）")
class HearingApi {

    private final HearingService hearings;
    private final DecisionService decisions;

    HearingApi(HearingService hearings, DecisionService decisions) {
        this.hearings = hearings;
        this.decisions = decisions;
    }

    @PutMapping("/api/decisions/{number}/hearing-requirement")
    @Operation(summary = "是否应当听证（第二十二条）：grounds 取 LAW、MAJOR_IMPACT、MAJOR_DISAGREEMENT；不召开的写明理由")
    Map<String, Object> requirement(@PathVariable String number, @RequestBody RequirementRequest r) {
        if (r.required() == null) {
            throw RuleViolation.badRequest("REQUIRED_FLAG_MISSING", "请说明是否召开听证会（required: true/false）。");
        }
        hearings.recordRequirement(number, r.required(), r.grounds(), r.note());
        return Map.of("required", r.required());
    }

    @PostMapping("/api/decisions/{number}/hearings")
    @Operation(summary = "发布听证公告（召开15日前）")
    ResponseEntity<Hearing> notice(@PathVariable String number, @RequestBody NoticeRequest r) {
        return ResponseEntity.status(201).body(hearings.publishNotice(number, r.title(), r.heldOn(), r.place(), r.seats(), r.applyUntil()));
    }

    @GetMapping("/api/decisions/{number}/hearings")
    @Operation(summary = "一件决策事项的听证会（含申请人联系方式，仅供工作人员）")
    List<Hearing> list(@PathVariable String number) {
        return hearings.ofDecision(decisions.get(number).id());
    }

    @PostMapping("/api/hearings/{id}/applicants")
    @Operation(summary = "录入听证参加申请（公众亦可在门户网站申请）")
    ResponseEntity<Hearing.Applicant> apply(@PathVariable long id, @RequestBody ApplyRequest r) {
        return ResponseEntity.status(201).body(hearings.apply(id, r.name(), r.contact(), r.side(), Boolean.TRUE.equals(r.stakeholder()), r.statement()));
    }

    @PostMapping("/api/hearings/{id}/selection-method")
    @Operation(summary = "公布听证参加人遴选办法")
    Hearing method(@PathVariable long id, @RequestBody Map<String, String> body) {
        return hearings.publishSelectionMethod(id, body.get("method"));
    }

    @PostMapping("/api/hearings/{id}/selection")
    @Operation(summary = "确定听证参加人（可复核的遴选）")
    Hearing select(@PathVariable long id) {
        return hearings.select(id);
    }

    @PostMapping("/api/hearings/{id}/participants-published")
    @Operation(summary = "向社会公布听证参加人基本情况")
    Hearing publishParticipants(@PathVariable long id) {
        return hearings.publishParticipants(id);
    }

    @PutMapping("/api/hearings/{id}/preparation")
    @Operation(summary = "听证主持人、记录人、材料送达日期（及利害关系人代表不足半数的理由）")
    Hearing prepare(@PathVariable long id, @RequestBody PrepareRequest r) {
        return hearings.prepare(id, r.presider(), r.recorder(), r.materialsDeliveredOn(), r.belowHalfReason());
    }

    @PostMapping("/api/hearings/{id}/confirm")
    @Operation(summary = "确认召开")
    Hearing confirm(@PathVariable long id) {
        return hearings.confirm(id);
    }

    @PostMapping("/api/hearings/{id}/held")
    @Operation(summary = "登记召开：到场和签字的参加人（须已上传签字的听证会记录）")
    Hearing held(@PathVariable long id, @RequestBody HeldRequest r) {
        return hearings.held(id, r.attended(), r.signed());
    }

    @PostMapping("/api/hearings/{id}/report")
    @Operation(summary = "形成听证报告（须已上传）")
    Hearing report(@PathVariable long id) {
        return hearings.report(id);
    }

    @PostMapping("/api/hearings/{id}/cancel")
    @Operation(summary = "取消听证会（写明理由）")
    Hearing cancel(@PathVariable long id, @RequestBody Map<String, String> body) {
        return hearings.cancel(id, body.get("reason"));
    }

    record RequirementRequest(Boolean required, List<String> grounds, String note) {
    }

    record NoticeRequest(String title, LocalDate heldOn, String place, Integer seats, LocalDate applyUntil) {
    }

    record ApplyRequest(String name, String contact, String side, Boolean stakeholder, String statement) {
    }

    record PrepareRequest(String presider, String recorder, LocalDate materialsDeliveredOn, String belowHalfReason) {
    }

    record HeldRequest(List<Long> attended, List<Long> signed) {
    }
}
