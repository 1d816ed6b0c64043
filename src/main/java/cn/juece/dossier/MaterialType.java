package cn.juece.dossier;

import java.util.List;

import cn.juece.access.Responsible;

import static cn.juece.access.Responsible.*;

/**
 * The materials of a decision's dossier, named as the rule names them, with the article that asks for each and
 * the parties who provide it (DECISIONS.md 24): an upload by anyone else is refused, and a gate counts only a
 * version its providers gave. No provider listed (OTHER) means any unit with a role in the decision.
 */
public enum MaterialType {
    PROPOSAL("决策事项建议书", "第十一条", STUDY_UNIT, DECISION_ORGAN),
    STUDY_REPORT("研究论证报告", "第十一条", STUDY_UNIT),
    DRAFT("决策草案", "第十三条", LEAD_UNIT),
    DRAFTING_EXPLANATION("起草说明", "第十三条、第四十二条", LEAD_UNIT),
    INITIAL_REVIEW_OPINION("合法性初审意见书", "第十四条", LEAD_UNIT_LEGAL),
    FAIR_COMPETITION_REVIEW("公平竞争审查材料", "第十四条", LEAD_UNIT),
    TRADE_POLICY_REVIEW("贸易政策合规审查材料", "第十四条", LEAD_UNIT),
    COST_BENEFIT_REPORT("成本效益分析预测报告", "第十五条", LEAD_UNIT),
    CONSULTATION_OPINION("征求有关单位意见及协商情况", "第十六条", LEAD_UNIT, CONSULTED_UNIT),
    PARTICIPATION_REPORT("公众参与情况及意见采纳情况", "第二十八条、第二十九条", LEAD_UNIT),
    SYMPOSIUM_MINUTES("座谈会记录及意见", "第二十一条", LEAD_UNIT),
    HEARING_RECORD("听证会记录（经听证参加人签字）", "第二十五条", LEAD_UNIT),
    HEARING_REPORT("听证报告", "第二十六条", LEAD_UNIT),
    POLL_REPORT("民意调查报告", "第二十七条", LEAD_UNIT),
    EXPERT_OPINION("专家论证意见及采纳情况", "第三十三条至第三十五条", LEAD_UNIT),
    RISK_REPORT("风险评估报告", "第三十九条", RISK_ASSESSOR),
    LEGALITY_REQUEST("合法性审查送审请示", "第四十二条", LEAD_UNIT),
    LEGAL_BASIS("法律依据目录及文本", "第四十二条", LEAD_UNIT),
    COUNTERSIGN_OPINION("部门会签意见", "第四十二条", LEAD_UNIT, CO_UNIT),
    LEGALITY_OPINION("合法性审查意见书", "第四十六条", JUSTICE_BUREAU),
    REVISION_EXPLANATION("未采纳合法性审查意见的书面说明", "第四十七条", LEAD_UNIT),
    MEETING_REQUEST("提请集体讨论的请示", "第四十九条", LEAD_UNIT),
    MEETING_MINUTES("会议记录", "第五十条", GOV_OFFICE),
    DECISION_DOCUMENT("决策文件", "第五十二条", GOV_OFFICE),
    PUBLICATION_NOTICE("决策公布公告", "第五十二条", GOV_OFFICE),
    ADOPTION_SUMMARY("意见收集采纳情况及未采纳理由", "第五十二条；政务公开要求", LEAD_UNIT),
    EXECUTION_REPORT("决策执行情况报告", "第五十四条", EXECUTION_UNIT),
    EVALUATION_REPORT("决策后评估报告", "第五十七条", EVALUATOR),
    OTHER("其他材料", "第五十九条");

    private final String label;
    private final String article;
    private final List<Responsible> providers;

    MaterialType(String label, String article, Responsible... providers) {
        this.label = label;
        this.article = article;
        this.providers = List.of(providers);
    }

    public String label() {
        return label;
    }

    public String article() {
        return article;
    }

    /** The parties who provide this material; empty: any unit with a role in the decision. */
    public List<Responsible> providers() {
        return providers;
    }
}
