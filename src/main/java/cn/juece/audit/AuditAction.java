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
    CALENDAR_SEEDED("载入节假日安排和法定期限表"),
    CALENDAR_CHANGED("修改节假日安排"),
    PERIOD_PAUSED("期限暂停计算"),
    PERIOD_SHORTENED("批准缩短期限"),
    PERIOD_REMINDER("期限提醒"),
    PERIOD_ESCALATED("期限届满督办"),
    MAIL_RESENT("重新发送邮件");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
