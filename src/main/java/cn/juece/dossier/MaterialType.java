package cn.juece.dossier;

/** The materials of a decision's dossier, named as the rule names them, with the article that asks for each. */
public enum MaterialType {
    PROPOSAL("决策事项建议书", "第十一条"),
    STUDY_REPORT("研究论证报告", "第十一条"),
    DRAFT("决策草案", "第十三条"),
    DRAFTING_EXPLANATION("起草说明", "第十三条、第四十二条"),
    INITIAL_REVIEW_OPINION("合法性初审意见书", "第十四条"),
    FAIR_COMPETITION_REVIEW("公平竞争审查材料", "第十四条"),
    TRADE_POLICY_REVIEW("贸易政策合规审查材料", "第十四条"),
    COST_BENEFIT_REPORT("成本效益分析预测报告", "第十五条"),
    CONSULTATION_OPINION("征求有关单位意见及协商情况", "第十六条"),
    PARTICIPATION_REPORT("公众参与情况及意见采纳情况", "第二十八条、第二十九条"),
    SYMPOSIUM_MINUTES("座谈会记录及意见", "第二十一条"),
    HEARING_RECORD("听证会记录（经听证参加人签字）", "第二十五条"),
    HEARING_REPORT("听证报告", "第二十六条"),
    POLL_REPORT("民意调查报告", "第二十七条"),
    EXPERT_OPINION("专家论证意见及采纳情况", "第三十三条至第三十五条"),
    RISK_REPORT("风险评估报告", "第三十九条"),
    LEGALITY_REQUEST("合法性审查送审请示", "第四十二条"),
    LEGAL_BASIS("法律依据目录及文本", "第四十二条"),
    COUNTERSIGN_OPINION("部门会签意见", "第四十二条"),
    LEGALITY_OPINION("合法性审查意见书", "第四十六条"),
    REVISION_EXPLANATION("未采纳合法性审查意见的书面说明", "第四十七条"),
    MEETING_REQUEST("提请集体讨论的请示", "第四十九条"),
    MEETING_MINUTES("会议记录", "第五十条"),
    DECISION_DOCUMENT("决策文件", "第五十二条"),
    EXECUTION_REPORT("决策执行情况报告", "第五十四条"),
    EVALUATION_REPORT("决策后评估报告", "第五十七条"),
    OTHER("其他材料", "第五十九条");

    private final String label;
    private final String article;

    MaterialType(String label, String article) {
        this.label = label;
        this.article = article;
    }

    public String label() {
        return label;
    }

    public String article() {
        return article;
    }
}
