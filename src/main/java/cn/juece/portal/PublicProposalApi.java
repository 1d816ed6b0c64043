package cn.juece.portal;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.decision.Decision;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api/public-proposals")
@Tag(name = "公众决策事项建议", description = "门户网站收到的书面决策事项建议：登记为决策事项建议或不予登记（第十一条）")
class PublicProposalApi {

    private final PublicProposalService proposals;

    PublicProposalApi(PublicProposalService proposals) {
        this.proposals = proposals;
    }

    record Json(long id, String receipt, String proposerName, String contact, String title, String content,
                Map<String, String> status, String decisionNumber, String handledNote, OffsetDateTime submittedAt) {
    }

    @GetMapping
    @Operation(summary = "门户网站收到的书面建议（最近500件）")
    List<Json> list() {
        return proposals.list().stream().map(p -> new Json(p.id(), p.receiptDisplay(), p.proposerName(), p.contact(),
                p.title(), p.content(), Map.of("code", p.status().name(), "label", p.status().label()),
                proposals.decisionOf(p).map(Decision::number).orElse(null), p.handledNote(), p.submittedAt())).toList();
    }

    @PostMapping("/{id}/register")
    @Operation(summary = "登记为决策事项建议，交有关主管部门研究论证（决策机关）")
    ResponseEntity<Map<String, Object>> register(@PathVariable long id, @RequestBody Register request) {
        Decision d = proposals.register(id, request.studyUnit());
        return ResponseEntity.created(URI.create("/api/decisions/" + d.number())).body(Map.of("number", d.number()));
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "不予登记（写明理由，建议人凭回执号可见）")
    Map<String, Object> decline(@PathVariable long id, @RequestBody Decline request) {
        proposals.decline(id, request.reason());
        return Map.of("declined", true);
    }

    record Register(String studyUnit) {
    }

    record Decline(String reason) {
    }
}
