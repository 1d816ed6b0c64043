package cn.juece.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.juece.decision.Decision;
import cn.juece.decision.Stage;
import cn.juece.dossier.Material;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.drafting.ConsultationAnswer;
import cn.juece.drafting.DraftingRecord;
import cn.juece.drafting.DraftingService;
import cn.juece.identity.Directory;
import cn.juece.identity.OrgUnit;
import cn.juece.launch.LaunchService;
import cn.juece.launch.LaunchUnits;

/**
 * What the dossier page shows of stages 1-3: the study and its scope, the 承办 units named at launch,
 * and drafting's record with a checklist of what is present, missing or not required, with its article.
 */
@Component
public class EarlyStages {

    private final ProposalService proposals;
    private final LaunchService launch;
    private final DraftingService drafting;
    private final MaterialService materials;
    private final Directory directory;

    EarlyStages(ProposalService proposals, LaunchService launch, DraftingService drafting, MaterialService materials,
                Directory directory) {
        this.proposals = proposals;
        this.launch = launch;
        this.drafting = drafting;
        this.materials = materials;
        this.directory = directory;
    }

    /** @param state PRESENT, MISSING, NOT_REQUIRED or OPTIONAL */
    public record Item(String requirement, String article, String state, String detail) {

        public String stateLabel() {
            return switch (state) {
                case "PRESENT" -> "已具备";
                case "MISSING" -> "缺少";
                case "NOT_REQUIRED" -> "不需要";
                default -> "可选";
            };
        }
    }

    public record View(ProposalStudy study, Optional<LaunchUnits> units, boolean leadNamed, DraftingRecord drafting,
                       List<ConsultationAnswer> consultation, List<Item> draftingChecklist, List<OrgUnit> organUnits,
                       boolean inProposal, boolean inLaunch, boolean inDrafting, boolean draftingReached) {
    }

    public View view(Decision d) {
        DraftingRecord r = drafting.record(d.id());
        List<ConsultationAnswer> consultation = drafting.consultation(d.id());
        List<Material> ms = materials.materials(d.id());
        return new View(proposals.study(d.id()), launch.units(d.id()), launch.leadNamed(d), r, consultation,
                checklist(r, consultation, ms), directory.units(d.organCode()),
                d.isOpen() && d.stage() == Stage.PROPOSAL, d.isOpen() && d.stage() == Stage.LAUNCH,
                d.isOpen() && d.stage() == Stage.DRAFTING, d.stage().number() >= Stage.DRAFTING.number());
    }

    static List<Item> checklist(DraftingRecord r, List<ConsultationAnswer> consultation, List<Material> ms) {
        List<Item> items = new ArrayList<>();
        items.add(material(ms, MaterialType.DRAFT));
        items.add(material(ms, MaterialType.DRAFTING_EXPLANATION));
        items.add(new Item("起草方式（自行起草或委托起草）", "第十三条", r.drafterMode() == null ? "MISSING" : "PRESENT",
                r.drafterMode() == null ? null : r.drafterMode().label() + (r.commissionedOrg() == null ? "" : "：" + r.commissionedOrg())));
        items.add(review("是否涉及市场主体经济活动", r.touchesMarket(), ms, MaterialType.FAIR_COMPETITION_REVIEW));
        items.add(review("是否涉及货物贸易、服务贸易或与贸易有关的知识产权", r.touchesTrade(), ms, MaterialType.TRADE_POLICY_REVIEW));
        items.add(new Item("成本效益分析预测报告（基本情况及数据来源、方法和过程、结论及其影响）", "第十五条",
                r.hasCostBenefit() ? "PRESENT" : "OPTIONAL", r.hasCostBenefit() ? "结论：" + r.costConclusion() : "根据需要开展"));
        long answered = consultation.stream().filter(a -> a.answer() != null).count();
        long unresolved = consultation.stream().filter(ConsultationAnswer::unresolved).count();
        items.add(new Item("征求所涉部门、下级人民政府意见", "第十六条",
                consultation.isEmpty() ? "NOT_REQUIRED" : answered == consultation.size() ? "PRESENT" : "MISSING",
                consultation.isEmpty() ? "未确定征求意见单位（不涉及其他单位职责）"
                        : consultation.size() + "个单位，已答复" + answered + "个" + (unresolved > 0 ? "，未协商一致的不同意见" + unresolved + "项" : "")));
        items.add(new Item("法律顾问的意见", "第十四条", r.legalAdviserOpinion() == null ? "MISSING" : "PRESENT", r.legalAdviserName()));
        items.add(new Item("公职律师的意见", "第十四条", r.publicLawyerOpinion() == null ? "MISSING" : "PRESENT", r.publicLawyerName()));
        items.add(material(ms, MaterialType.INITIAL_REVIEW_OPINION));
        return items;
    }

    private static Item review(String question, Boolean answer, List<Material> ms, MaterialType type) {
        if (answer == null) {
            return new Item("回答：" + question + "（决定是否须《" + type.label() + "》）", type.article(), "MISSING", "尚未回答");
        }
        if (!answer) {
            return new Item("《" + type.label() + "》", type.article(), "NOT_REQUIRED", "已回答：不涉及");
        }
        Item m = material(ms, type);
        return new Item(m.requirement(), m.article(), m.state(), "已回答：涉及，应当审查");
    }

    private static Item material(List<Material> ms, MaterialType type) {
        boolean has = ms.stream().anyMatch(m -> m.type() == type && !m.versions().isEmpty());
        return new Item("《" + type.label() + "》", type.article(), has ? "PRESENT" : "MISSING", null);
    }
}
