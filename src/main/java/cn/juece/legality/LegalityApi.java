package cn.juece.legality;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.access.DecisionAccess;
import cn.juece.document.DocumentService;
import cn.juece.support.JsonApi;
import cn.juece.support.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api/decisions/{number}/legality")
@Tag(name = "合法性审查", description = "第四十一条至第四十七条：报送条件、会签、办公会议、材料确认、补送材料、审查记录、意见书、采纳情况")
class LegalityApi {

    private final LegalityRecords records;
    private final LegalityView view;
    private final DecisionAccess access;

    LegalityApi(LegalityRecords records, LegalityView view, DecisionAccess access) {
        this.records = records;
        this.view = view;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "合法性审查的全部记录（报送材料、履行程序情况、会签、审查记录、意见书、采纳情况）")
    Map<String, Object> get(@PathVariable String number) {
        return view.of(access.visible(number));
    }

    record OfficeMeetingBody(LocalDate meetingDate, String meetingName, String note) {
    }

    @PutMapping("/office-meeting")
    @Operation(summary = "记录本单位办公会议讨论通过（第四十一条）")
    LegalityRecords.OfficeMeeting officeMeeting(@PathVariable String number, @RequestBody OfficeMeetingBody b) {
        return records.recordOfficeMeeting(number, b.meetingDate(), b.meetingName(), b.note());
    }

    @PostMapping("/attestation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "承办单位确认报送材料真实、完整（第四十二条）")
    LegalityRecords.Attestation attest(@PathVariable String number, @RequestBody(required = false) Map<String, String> b) {
        return records.attest(number, b == null ? null : b.get("statement"));
    }

    @PostMapping("/supplements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "合法性审查机构要求补送材料（第四十二条：3个工作日内补送，补送时间不计入审查期限）")
    LegalityRecords.Supplement supplement(@PathVariable String number, @RequestBody Map<String, String> b) {
        return records.requestSupplement(number, b.get("items"));
    }

    @PutMapping("/review")
    @Operation(summary = "记录合法性审查情况：法律顾问、公职律师意见，审查方式、基本情况、结论、意见书文号（第四十四条至第四十六条）")
    LegalityRecords.ReviewRecord review(@PathVariable String number, @RequestBody LegalityRecords.ReviewInput b) {
        return records.recordReview(number, b);
    }

    record PointBody(String finding, String note) {
    }

    @PutMapping("/review/points/{point}")
    @Operation(summary = "逐项审查结论（第四十三条）：AUTHORITY、PROCEDURE、CONTENT、OTHER")
    List<LegalityRecords.PointFinding> point(@PathVariable String number, @PathVariable String point, @RequestBody PointBody b) {
        return records.recordPoint(number, point, b.finding(), b.note());
    }

    record SuggestionBody(String problem, String risk, String suggestion) {
    }

    @PostMapping("/review/suggestions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "存在的问题、法律风险和修改意见（第四十六条）")
    LegalityRecords.Suggestion suggestion(@PathVariable String number, @RequestBody SuggestionBody b) {
        return records.addSuggestion(number, b.problem(), b.risk(), b.suggestion());
    }

    @PostMapping("/opinion-letter")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "根据审查记录生成合法性审查意见书（Word 和 PDF，第四十六条）")
    DocumentService.Generated letter(@PathVariable String number) {
        return records.generateLetter(number);
    }

    @PostMapping("/opinion-letter/sign-off")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "合法性审查机构（县司法局；乡镇、街道司法所）负责人签发意见书（第四十六条）")
    LegalityRecords.SignOff signOff(@PathVariable String number) {
        return records.signOff(number);
    }

    record AdoptionBody(String adoption, String explanation) {
    }

    @PutMapping("/suggestions/{suggestionId}/adoption")
    @Operation(summary = "承办单位对审查意见的采纳情况；未采纳的书面说明理由（第四十七条）")
    LegalityRecords.Suggestion adoption(@PathVariable String number, @PathVariable String suggestionId, @RequestBody AdoptionBody b) {
        long id;
        try {
            id = Long.parseLong(suggestionId);
        } catch (NumberFormatException e) {
            throw RuleViolation.notFound("SUGGESTION_NOT_FOUND", "该决策事项没有这条审查意见。");
        }
        return records.decideAdoption(number, id, b.adoption(), b.explanation());
    }
}
