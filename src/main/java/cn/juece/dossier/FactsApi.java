package cn.juece.dossier;

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
@Tag(name = "决策事实", description = "决策案卷中记录的事实：适用范围认定、启动决定、风险等级和可控性、合法性审查结论、集体讨论决定、公布、执行调整、后评估、档案号，"
        + "各附环节、轮次、办理人和时间（第三条至第五十九条）")
class FactsApi {

    private final DossierFacts facts;
    private final DecisionService decisions;

    FactsApi(DossierFacts facts, DecisionService decisions) {
        this.facts = facts;
        this.decisions = decisions;
    }

    @GetMapping("/api/decisions/{number}/facts")
    @Operation(summary = "一件决策事项已记录的全部事实，按记录时间顺序",
            description = "kind 为事实类别代码（SCOPE_FINDING、SCOPE_CONFIRMATION、LAUNCH_DECISION、RISK_ASSESSMENT、RISK_FINDING、"
                    + "LEGALITY_CONCLUSION、LEGALITY_DISPOSITION、MEETING_DECISION、MEETING_REVISION、DECISION_ISSUANCE、"
                    + "DECISION_PUBLICATION、FEEDBACK_PUBLICATION、EXECUTION_REPORT、EXECUTION_ADJUSTMENT、EVALUATION_DECISION、"
                    + "EVALUATION_RESOLUTION、ARCHIVE_NUMBER）；round 为该环节的第几轮办理；outcome 为环节的办理结果代码；"
                    + "data 为该事实另行记录的内容（如 reportVersionId 材料版本号、archiveNumber 档案号）。")
    List<DossierFact> list(@PathVariable String number) {
        return facts.of(decisions.get(number));
    }
}
