package cn.juece.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.decision.DecisionService;
import cn.juece.identity.Directory;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@Tag(name = "办理记录", description = "决策事项的审计记录：谁、以何身份、哪个单位、何时、做了什么（第六十条至第六十三条），及其哈希链校验")
class AuditApi {

    private final AuditTrail audit;
    private final AuditChains chains;
    private final DecisionService decisions;
    private final Directory directory;

    AuditApi(AuditTrail audit, AuditChains chains, DecisionService decisions, Directory directory) {
        this.audit = audit;
        this.chains = chains;
        this.decisions = decisions;
        this.directory = directory;
    }

    /** Every chain's report and whether all are intact. */
    record Verification(boolean intact, int chainCount, List<ChainReport> chains) {
    }

    @GetMapping("/api/decisions/{number}/audit")
    @Operation(summary = "一件决策事项的全部办理记录，按时间顺序")
    List<AuditEntry> trail(@PathVariable String number) {
        return audit.forDecision(decisions.get(number).id());
    }

    @GetMapping("/api/decisions/{number}/audit/verify")
    @Operation(summary = "校验一件决策事项的审计记录哈希链：是否完整，如不完整指出第一条有问题的记录")
    ChainReport verifyDecision(@PathVariable String number) {
        return chains.verify(decisions.get(number).number());
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "校验全部审计记录哈希链（各决策事项、各年度目录、机关事务 ORG），供系统管理员、司法行政部门、政府办公室和决策机关使用")
    Verification verifyAll() {
        chains.requireWholeTrailReader(directory.currentActor());
        List<ChainReport> reports = chains.verifyAll();
        return new Verification(reports.stream().allMatch(ChainReport::intact), reports.size(), reports);
    }
}
