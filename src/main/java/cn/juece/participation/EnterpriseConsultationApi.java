package cn.juece.participation;

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
@Tag(name = "企业和行业协会商会意见", description = "与企业生产经营活动密切相关的决策事项听取意见（第十九条）")
class EnterpriseConsultationApi {

    private final EnterpriseConsultationService enterprises;
    private final DecisionService decisions;

    EnterpriseConsultationApi(EnterpriseConsultationService enterprises, DecisionService decisions) {
        this.enterprises = enterprises;
        this.decisions = decisions;
    }

    @PutMapping("/api/decisions/{number}/enterprise-question")
    @Operation(summary = "认定是否与企业生产经营活动密切相关（不相关的说明理由）")
    Map<String, Object> answer(@PathVariable String number, @RequestBody Map<String, Object> body) {
        if (!(body.get("related") instanceof Boolean related)) {
            throw RuleViolation.badRequest("REQUIRED_FLAG_MISSING", "请说明是否密切相关（related: true/false）。");
        }
        if (body.get("note") != null && !(body.get("note") instanceof String)) {
            throw RuleViolation.badRequest("PARAMETER_INVALID", "说明（note）应为文字。");
        }
        enterprises.answer(number, related, (String) body.get("note"));
        return Map.of("related", related);
    }

    @PostMapping("/api/decisions/{number}/enterprise-opinions")
    @Operation(summary = "记录听取的企业或行业协会商会意见（kind：ENTERPRISE、ASSOCIATION、CHAMBER）")
    ResponseEntity<EnterpriseConsultationService.EnterpriseOpinion> hear(@PathVariable String number, @RequestBody HearRequest r) {
        return ResponseEntity.status(201).body(enterprises.hear(number, r.organisation(), r.kind(), Boolean.TRUE.equals(r.privateOwned()),
                Boolean.TRUE.equals(r.smallMedium()), Boolean.TRUE.equals(r.labourIntensive()), r.opinion()));
    }

    @GetMapping("/api/decisions/{number}/enterprise-opinions")
    @Operation(summary = "已听取的企业和行业协会商会意见")
    List<EnterpriseConsultationService.EnterpriseOpinion> list(@PathVariable String number) {
        return enterprises.opinions(decisions.get(number).id());
    }

    @PutMapping("/api/enterprise-opinions/{id}/adoption")
    @Operation(summary = "答复采纳情况")
    EnterpriseConsultationService.EnterpriseOpinion adopt(@PathVariable long id, @RequestBody Map<String, String> body) {
        Adoption adoption;
        try {
            adoption = body.get("adoption") == null ? null : Adoption.valueOf(body.get("adoption"));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("ADOPTION_INVALID", "采纳情况只能是 ADOPTED、PARTLY_ADOPTED 或 NOT_ADOPTED。");
        }
        return enterprises.answerOpinion(id, adoption, body.get("reason"));
    }

    record HearRequest(String organisation, EnterpriseConsultationService.Kind kind, Boolean privateOwned, Boolean smallMedium,
                       Boolean labourIntensive, String opinion) {
    }
}
