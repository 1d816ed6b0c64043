package cn.juece.decision;

import java.util.Arrays;

/**
 * The stages of the lifecycle (RULES.md), each its own called process (one .bpmn file per stage).
 */
public enum Stage {
    PROPOSAL(1, "stage-proposal", "决策事项建议研究论证"),
    LAUNCH(2, "stage-launch", "决策启动"),
    DRAFTING(3, "stage-drafting", "草案拟定"),
    PARTICIPATION(4, "stage-participation", "公众参与"),
    EXPERT(5, "stage-expert", "专家论证"),
    RISK(6, "stage-risk", "风险评估"),
    LEGALITY(7, "stage-legality", "合法性审查"),
    MEETING(8, "stage-meeting", "集体讨论决定"),
    PUBLICATION(9, "stage-publication", "决策公布"),
    EXECUTION(10, "stage-execution", "决策执行"),
    EVALUATION(11, "stage-evaluation", "决策后评估"),
    ARCHIVE(12, "stage-archive", "归档");

    private final int number;
    private final String processKey;
    private final String label;

    Stage(int number, String processKey, String label) {
        this.number = number;
        this.processKey = processKey;
        this.label = label;
    }

    public int number() {
        return number;
    }

    public String processKey() {
        return processKey;
    }

    public String label() {
        return label;
    }

    /** A stage code from a request (e.g. EXPERT), refused when unknown. */
    public static Stage parse(String code) {
        try {
            return valueOf(code.strip());
        } catch (IllegalArgumentException e) {
            throw cn.juece.support.RuleViolation.badRequest("STAGE_INVALID", "阶段“" + code + "”不存在，可选："
                    + String.join("、", java.util.Arrays.stream(values()).map(s -> s.name() + "（" + s.label() + "）").toList()) + "。");
        }
    }

    public static Stage ofProcessKey(String key) {
        return Arrays.stream(values()).filter(s -> s.processKey.equals(key)).findFirst().orElse(null);
    }
}
