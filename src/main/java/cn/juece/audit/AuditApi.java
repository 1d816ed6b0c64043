package cn.juece.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.decision.DecisionService;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@Tag(name = "办理记录", description = "决策事项的审计记录：谁、以何身份、哪个单位、何时、做了什么（第六十条至第六十三条）")
class AuditApi {

    private final AuditTrail audit;
    private final DecisionService decisions;

    AuditApi(AuditTrail audit, DecisionService decisions) {
        this.audit = audit;
        this.decisions = decisions;
    }

    @GetMapping("/api/decisions/{number}/audit")
    @Operation(summary = "一件决策事项的全部办理记录，按时间顺序")
    List<AuditEntry> trail(@PathVariable String number) {
        return audit.forDecision(decisions.get(number).id());
    }
}
