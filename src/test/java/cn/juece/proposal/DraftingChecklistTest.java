package cn.juece.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.juece.dossier.Material;
import cn.juece.dossier.MaterialType;
import cn.juece.dossier.MaterialVersion;
import cn.juece.drafting.ConsultationAnswer;
import cn.juece.drafting.DraftingRecord;

/** The dossier's drafting checklist (Art. 13-16): present, missing, not required or optional, with the article. */
class DraftingChecklistTest {

    private static Map<String, EarlyStages.Item> byRequirement(List<EarlyStages.Item> items) {
        return items.stream().collect(Collectors.toMap(EarlyStages.Item::requirement, Function.identity()));
    }

    private static Material material(MaterialType type) {
        var v = new MaterialVersion(1, 1, 1, "f.docx", "application/octet-stream", 1, "0".repeat(64), null, "u", null, null);
        return new Material(1, 1, type, type.label(), "u", null, List.of(v));
    }

    @Test
    void unansweredQuestionsAreMissingAndTheCostBenefitReportIsOptional() {
        var items = byRequirement(EarlyStages.checklist(DraftingRecord.empty(1), List.of(), List.of()));
        assertThat(items.get("回答：是否涉及市场主体经济活动（决定是否须《公平竞争审查材料》）").state()).isEqualTo("MISSING");
        assertThat(items.get("回答：是否涉及市场主体经济活动（决定是否须《公平竞争审查材料》）").article()).isEqualTo("第十四条");
        assertThat(items.get("成本效益分析预测报告（基本情况及数据来源、方法和过程、结论及其影响）").stateLabel()).isEqualTo("可选");
        assertThat(items.get("征求所涉部门、下级人民政府意见").state()).isEqualTo("NOT_REQUIRED");
        assertThat(items.get("《合法性初审意见书》").state()).isEqualTo("MISSING");
    }

    @Test
    void aYesMakesTheReviewRequiredAndANoMakesItNotRequired() {
        var r = new DraftingRecord(1, DraftingRecord.DrafterMode.SELF, null, true, false, null, null, null, null,
                "意见", "赵", null, null, null, null);
        var answers = List.of(new ConsultationAnswer(1, 1, "zjj", "AGREE", null, "u", null, null, false),
                new ConsultationAnswer(2, 1, "qqjd", null, null, null, null, null, false));
        var items = byRequirement(EarlyStages.checklist(r, answers, List.of(material(MaterialType.FAIR_COMPETITION_REVIEW))));
        assertThat(items.get("《公平竞争审查材料》").state()).isEqualTo("PRESENT");
        assertThat(items.get("《贸易政策合规审查材料》").state()).isEqualTo("NOT_REQUIRED");
        assertThat(items.get("法律顾问的意见").state()).isEqualTo("PRESENT");
        assertThat(items.get("公职律师的意见").state()).isEqualTo("MISSING");
        var consult = items.get("征求所涉部门、下级人民政府意见");
        assertThat(consult.state()).isEqualTo("MISSING");
        assertThat(consult.detail()).isEqualTo("2个单位，已答复1个");
    }
}
