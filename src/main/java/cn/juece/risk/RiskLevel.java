package cn.juece.risk;

import cn.juece.support.RuleViolation;

/** Art. 38 (四): the three levels of risk (高风险、中风险、低风险), also used for a kind's likelihood and impact. */
public enum RiskLevel {
    LOW("低风险", "低", 1),
    MEDIUM("中风险", "中", 2),
    HIGH("高风险", "高", 3);

    private final String label;
    private final String grade;
    private final int rank;

    RiskLevel(String label, String grade, int rank) {
        this.label = label;
        this.grade = grade;
        this.rank = rank;
    }

    /** 高风险 / 中风险 / 低风险. */
    public String label() {
        return label;
    }

    /** 高 / 中 / 低 (for likelihood and impact). */
    public String grade() {
        return grade;
    }

    public boolean below(RiskLevel other) {
        return rank < other.rank;
    }

    /** Reads a level code from a request or a form, refusing an unknown one; null or blank is null. */
    static RiskLevel parse(String code, String what) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return valueOf(code.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("RISK_LEVEL_INVALID", what + "“" + code + "”无效，可选：HIGH（高）、MEDIUM（中）、LOW（低）（第三十八条第四项）。");
        }
    }

    static RiskLevel of(String stored) {
        return stored == null ? null : valueOf(stored);
    }
}
