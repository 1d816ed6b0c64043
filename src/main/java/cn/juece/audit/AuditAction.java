package cn.juece.audit;

/** The kinds of act the audit trail records, each with its Chinese name for the dossier. */
public enum AuditAction {
    DECISION_CREATED("登记决策事项"),
    DECISION_UPDATED("修改决策事项信息"),
    STAGE_ENTERED("进入阶段"),
    PROCEDURE_ENDED("决策程序结束"),
    MATERIAL_UPLOADED("上传材料"),
    ARRANGEMENT_RECORDED("记录程序安排"),
    RISK_ASSESSOR_NAMED("确定风险评估单位"),
    RISK_RECORDED("记录风险评估情况"),
    RISK_ORGANISATION_CHANGED("维护第三方评估机构名录"),
    TASK_COMPLETED("办理任务"),
    TASK_CLAIMED("认领任务"),
    TASK_HANDED_OVER("转交任务"),
    TASK_RELEASED("退回待认领"),
    CONSULTATION_PUBLISHED("发布征求意见公告"),
    OPINION_RECEIVED("收到意见"),
    CONSULTATION_CLOSED("公开征求意见期限届满"),
    OPINION_MODERATED("审核意见"),
    OPINION_ANSWERED("答复意见"),
    FEEDBACK_PUBLISHED("公布意见采纳情况"),
    SYMPOSIUM_RECORDED("座谈会"),
    HEARING_RECORDED("听证会"),
    QUESTIONNAIRE_RECORDED("问卷调查"),
    ENTERPRISE_CONSULTED("听取企业和行业协会商会意见"),
    STUDY_RECORDED("记录研究论证情况"),
    SCOPE_RECORDED("记录适用范围认定"),
    SPECIAL_PROCEDURE_FLAGGED("标记适用其他法律法规规定的程序"),
    UNITS_NAMED("明确决策承办单位"),
    UNIT_CHANGED("变更决策承办单位"),
    DRAFTING_RECORDED("记录草案拟定情况"),
    LEGAL_OPINION_RECORDED("记录法律顾问、公职律师意见"),
    CONSULTATION_RECORDED("记录征求意见和协商情况"),
    ARCHIVE_NUMBER_RECORDED("记录档案号"),
    CALENDAR_SEEDED("载入节假日安排和法定期限表"),
    CALENDAR_CHANGED("修改节假日安排"),
    CATALOGUE_CREATED("开始编制年度决策事项目录"),
    CATALOGUE_ITEM_ADDED("目录增加事项"),
    CATALOGUE_ITEM_CHANGED("目录修改事项"),
    CATALOGUE_ITEM_REMOVED("目录删除事项"),
    CATALOGUE_STEP_COMPLETED("办理目录环节"),
    CATALOGUE_PARTY_APPROVAL("记录县委审定情况"),
    CATALOGUE_PUBLISHED("公布年度决策事项目录"),
    CATALOGUE_CHANGE_REQUESTED("目录外事项启动，提请调整目录"),
    CATALOGUE_ITEM_LAUNCHED("依目录事项登记决策事项"),
    PUBLIC_PROPOSAL_RECEIVED("收到公众决策事项建议"),
    PUBLIC_PROPOSAL_HANDLED("办理公众决策事项建议"),
    PERIOD_PAUSED("期限暂停计算"),
    PERIOD_SHORTENED("批准缩短期限"),
    PERIOD_RESTARTED("期限重新起算"),
    PERIOD_REMINDER("期限提醒"),
    PERIOD_ESCALATED("期限届满督办"),
    MAIL_RESENT("重新发送邮件"),
    EXPERT_POOL_CHANGED("维护专家库"),
    EXPERT_REVIEW_RECORDED("专家论证"),
    EXPERT_ACTED("论证专家通过邀请链接办理"),
    ENGINE_OPERATION("流程运维操作"),
    DOCUMENT_GENERATED("生成公文"),
    TEMPLATE_CHANGED("修改公文模板"),
    LEGALITY_RECORDED("记录合法性审查情况"),
    MEETING_RECORDED("记录集体讨论情况"),
    PUBLICATION_RECORDED("记录决策出台和公布情况"),
    COMPLIANCE_ANNEXED("附合规情况报告");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
