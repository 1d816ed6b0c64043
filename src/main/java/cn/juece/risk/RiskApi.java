package cn.juece.risk;

import java.util.List;

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

import cn.juece.decision.DecisionService;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Stage 6 over /api (Art. 36-40): the same service methods as the risk page. */
@RestController
@JsonApi
@Tag(name = "风险评估", description = "风险评估单位（第三十六条）、评估工作方案、调查研究、分析论证、风险等级（第三十七条、第三十八条）、"
        + "防范措施和处置预案（第三十九条）、调整决策草案（第四十条）；第三方评估机构名录")
class RiskApi {

    private final RiskRecords records;
    private final RiskService risk;
    private final AssessorRegistry registry;
    private final DecisionService decisions;

    RiskApi(RiskRecords records, RiskService risk, AssessorRegistry registry, DecisionService decisions) {
        this.records = records;
        this.risk = risk;
        this.registry = registry;
        this.decisions = decisions;
    }

    @GetMapping("/api/decisions/{number}/risk")
    @Operation(summary = "一件决策事项的风险评估：是否开展、评估单位、本轮记录及尚缺事项、以往各轮、决策机关研究结论、草案调整")
    RiskService.View view(@PathVariable String number) {
        return risk.view(decisions.get(number));
    }

    @PutMapping("/api/decisions/{number}/risk/assessor")
    @Operation(summary = "确定风险评估单位（承办单位）", description = "unit：空为承办单位自身，否则为负责风险评估工作的其他单位的代码；mode：SELF（自行评估）或"
            + " COMMISSIONED（委托第三方机构评估，须 organisationId、commissionKind（CONTRACT 委托合同、LETTER 委托书）、commissionNumber、"
            + "commissionDate，可选 commissionScope）。委托第三方机构的，委托单位仍是系统中的办理单位，由其上传第三方机构的评估报告。")
    RiskRecords.Assessor assessor(@PathVariable String number, @RequestBody RiskRecords.AssessorRequest request) {
        return records.nameAssessor(number, request);
    }

    @PutMapping("/api/decisions/{number}/risk/plan")
    @Operation(summary = "制定本轮评估工作方案（第三十八条第一项）", description = "scope、methods、schedule 必填；purpose、standards 可选。")
    RiskRecords.Plan plan(@PathVariable String number, @RequestBody RiskRecords.PlanRequest request) {
        return records.recordPlan(number, request);
    }

    @PostMapping("/api/decisions/{number}/risk/investigations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录一次调查研究（第三十八条第二项）", description = "method：VISIT（重点走访，当面听取意见）、SYMPOSIUM、SURVEY、"
            + "OPINION_TRACKING、CONSULTATION、OTHER；visited、heldOn、opinions、adoption（ADOPTED、PARTLY_ADOPTED、NOT_ADOPTED，后两者须 adoptionNote）；"
            + "mostAffected（受决策事项影响较大的单位）、specialDifficulty（有特殊困难的群体）。")
    RiskRecords.Investigation investigation(@PathVariable String number, @RequestBody RiskRecords.InvestigationRequest request) {
        return records.recordInvestigation(number, request);
    }

    @PutMapping("/api/decisions/{number}/risk/analyses/{kind}")
    @Operation(summary = "分析论证一类风险（第三十七条、第三十八条第三项）", description = "kind：SOCIAL_STABILITY、PUBLIC_SAFETY、ECOLOGY、"
            + "FISCAL_FINANCIAL、PUBLIC_OPINION、OTHER；relevant=true 须 risks、likelihood、impact、level（HIGH、MEDIUM、LOW）；relevant=false 须 reason。")
    RiskRecords.KindAnalysis analysis(@PathVariable String number, @PathVariable String kind,
                                      @RequestBody RiskRecords.AnalysisRequest request) {
        return records.recordAnalysis(number, kind, request);
    }

    @PutMapping("/api/decisions/{number}/risk/level")
    @Operation(summary = "确定本轮风险等级及风险是否可控（第三十八条第四项）", description = "level：HIGH、MEDIUM、LOW，不得低于已分析的任一类风险的等级；"
            + "controllable：true/false；controllabilityNote 可选。办理“开展风险评估并形成评估报告”时选择的结果须与此一致。")
    RiskRecords.Conclusion level(@PathVariable String number, @RequestBody RiskRecords.LevelRequest request) {
        return records.recordLevel(number, request);
    }

    @PutMapping("/api/decisions/{number}/risk/measures")
    @Operation(summary = "填写风险防范化解措施和应急处置预案（第三十九条第五项）")
    RiskRecords.Conclusion measures(@PathVariable String number, @RequestBody RiskRecords.MeasuresRequest request) {
        return records.recordMeasures(number, request);
    }

    @PostMapping("/api/decisions/{number}/risk/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "记录对决策草案的调整（第四十条）", description = "决策机关认为风险不可控后由承办单位记录：measuresAdded、contentChanged"
            + "（至少一项）、description；须先上传调整后的《决策草案》。")
    RiskRecords.Adjustment adjustment(@PathVariable String number, @RequestBody RiskRecords.AdjustmentRequest request) {
        return records.recordAdjustment(number, request);
    }

    // ---- the registry of third-party organisations (Art. 36) ----

    @GetMapping("/api/assessors")
    @Operation(summary = "第三方评估机构名录", description = "active=true 只列可委托的机构。")
    List<AssessorOrganisation> organisations(@RequestParam(defaultValue = "false") boolean active) {
        return registry.list(active);
    }

    @GetMapping("/api/assessors/{id}")
    @Operation(summary = "名录中的一个机构")
    AssessorOrganisation organisation(@PathVariable long id) {
        return registry.get(id);
    }

    @PostMapping("/api/assessors")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "名录增加机构（系统管理员）", description = "name、creditCode（统一社会信用代码）、kind（PROFESSIONAL、SOCIAL_ORGANISATION、OTHER）、"
            + "contactPerson、contactPhone 必填；declaredTies（声明的关联关系）可选；active 默认 true。")
    AssessorOrganisation add(@RequestBody AssessorRegistry.Entry entry) {
        return registry.add(entry);
    }

    @PutMapping("/api/assessors/{id}")
    @Operation(summary = "修改、停用或重新启用名录中的机构（系统管理员）")
    AssessorOrganisation update(@PathVariable long id, @RequestBody AssessorRegistry.Entry entry) {
        return registry.update(id, entry);
    }
}
