package cn.juece.audit;

/** The kinds of act the audit trail records, each with its Chinese name for the dossier. */
public enum AuditAction {
    DECISION_CREATED("登记决策事项"),
    DECISION_UPDATED("修改决策事项信息"),
    STAGE_ENTERED("进入阶段"),
    PROCEDURE_ENDED("决策程序结束"),
    MATERIAL_UPLOADED("上传材料"),
    ARRANGEMENT_RECORDED("记录程序安排"),
    TASK_COMPLETED("办理任务"),
    STUDY_RECORDED("记录研究论证情况"),
    SCOPE_RECORDED("记录适用范围认定"),
    SPECIAL_PROCEDURE_FLAGGED("标记适用其他法律法规规定的程序"),
    UNITS_NAMED("明确决策承办单位"),
    UNIT_CHANGED("变更决策承办单位"),
    DRAFTING_RECORDED("记录草案拟定情况"),
    LEGAL_OPINION_RECORDED("记录法律顾问、公职律师意见"),
    CONSULTATION_RECORDED("记录征求意见和协商情况"),
    CALENDAR_SEEDED("载入节假日安排和法定期限表"),
    CALENDAR_CHANGED("修改节假日安排");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
