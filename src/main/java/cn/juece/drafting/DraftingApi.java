package cn.juece.drafting;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.decision.DecisionService;
import cn.juece.drafting.DraftingRecord.DrafterMode;
import cn.juece.drafting.DraftingRecord.LegalVoice;
import cn.juece.support.JsonApi;
import cn.juece.support.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@RequestMapping("/api/decisions/{number}/drafting")
@Tag(name = "草案拟定", description = "起草方式、公平竞争审查和贸易政策合规审查问题、成本效益分析、法律顾问和公职律师意见、征求意见（第十三条至第十六条）")
class DraftingApi {

    private final DraftingService drafting;
    private final DecisionService decisions;

    DraftingApi(DraftingService drafting, DecisionService decisions) {
        this.drafting = drafting;
        this.decisions = decisions;
    }

    @GetMapping
    @Operation(summary = "草案拟定的记录和征求意见情况")
    Map<String, Object> get(@PathVariable String number) {
        long id = decisions.get(number).id();
        return Map.of("record", drafting.record(id), "consultation", drafting.consultation(id));
    }

    @PutMapping("/drafter")
    @Operation(summary = "起草方式（第十三条）", description = "mode: SELF 或 COMMISSIONED；委托起草的 organisation 为受托专家或专业机构。")
    DraftingRecord drafter(@PathVariable String number, @RequestBody DrafterRequest r) {
        return drafting.recordDrafter(number, parse(DrafterMode.class, r.mode(), "DRAFTER_MODE_INVALID", "SELF、COMMISSIONED"), r.organisation());
    }

    @PutMapping("/questions")
    @Operation(summary = "决定审查的两个问题（第十四条）", description = "touchesMarket：涉及市场主体经济活动（公平竞争审查）；touchesTrade：涉及货物贸易、服务贸易或与贸易有关的知识产权（贸易政策合规审查）。")
    DraftingRecord questions(@PathVariable String number, @RequestBody QuestionsRequest r) {
        return drafting.answerQuestions(number, r.touchesMarket(), r.touchesTrade());
    }

    @PutMapping("/cost-benefit")
    @Operation(summary = "成本效益分析预测（第十五条，可选）", description = "四部分均须填写：basicInfo、method、conclusion、effect。")
    DraftingRecord costBenefit(@PathVariable String number, @RequestBody CostBenefitRequest r) {
        return drafting.recordCostBenefit(number, r.basicInfo(), r.method(), r.conclusion(), r.effect());
    }

    @PutMapping("/legal-opinions/{voice}")
    @Operation(summary = "合法性初审听取的意见（第十四条）", description = "voice: LEGAL_ADVISER 法律顾问 或 PUBLIC_LAWYER 公职律师。")
    DraftingRecord legalOpinion(@PathVariable String number, @PathVariable String voice, @RequestBody OpinionRequest r) {
        return drafting.recordLegalOpinion(number, parse(LegalVoice.class, voice, "LEGAL_VOICE_INVALID", "LEGAL_ADVISER、PUBLIC_LAWYER"), r.name(), r.opinion());
    }

    @PutMapping("/consultation")
    @Operation(summary = "征求意见单位（第十六条）", description = "units：所涉部门、下级人民政府的单位代码；为空表示不涉及。提交草案后每个单位收到一个待办。")
    List<ConsultationAnswer> consult(@PathVariable String number, @RequestBody ConsultRequest r) {
        return drafting.consultUnits(number, r.units());
    }

    @PutMapping("/consultation/{unit}/position")
    @Operation(summary = "承办单位对不同意见的意见及理由（第十六条）", description = "settled: true 表示已协商一致（position 写明结果）；false 表示不能取得一致，position 为承办单位的意见及理由，报决策机关协调。")
    List<ConsultationAnswer> position(@PathVariable String number, @PathVariable String unit, @RequestBody PositionRequest r) {
        return drafting.leadPosition(number, unit, r.position(), Boolean.TRUE.equals(r.settled()));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String code, String allowed) {
        try {
            return value == null ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest(code, "“" + value + "”无效，可选：" + allowed + "。");
        }
    }

    record DrafterRequest(String mode, String organisation) {
    }

    record QuestionsRequest(Boolean touchesMarket, Boolean touchesTrade) {
    }

    record CostBenefitRequest(String basicInfo, String method, String conclusion, String effect) {
    }

    record OpinionRequest(String name, String opinion) {
    }

    record ConsultRequest(List<String> units) {
    }

    record PositionRequest(String position, Boolean settled) {
    }
}
