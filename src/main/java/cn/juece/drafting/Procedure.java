package cn.juece.drafting;

/**
 * The three procedures decided at the end of drafting, each required or not with the reason recorded
 * (DECISIONS.md 3), run in parallel when required.
 */
public enum Procedure {
    PARTICIPATION("公众参与", "第十七条",
            "依法不予公开的决策事项（涉及国家秘密、商业秘密等）可以不采取公开方式听取意见，请写明依据"),
    EXPERT("专家论证", "第三十条", "专业性、技术性较强的决策事项应当组织专家论证；不需要的，请说明理由"),
    RISK("风险评估", "第三十六条", "可能造成不利影响的，应当评估风险可控性；已按规定评估过或不需要的，请说明理由");

    private final String label;
    private final String article;
    private final String whenNotRequired;

    Procedure(String label, String article, String whenNotRequired) {
        this.label = label;
        this.article = article;
        this.whenNotRequired = whenNotRequired;
    }

    public String label() {
        return label;
    }

    public String article() {
        return article;
    }

    public String whenNotRequired() {
        return whenNotRequired;
    }

    /** Reads a procedure code from a request, refusing an unknown one. */
    public static Procedure parse(String code) {
        try {
            return valueOf(code == null ? "" : code.strip());
        } catch (IllegalArgumentException e) {
            throw cn.juece.support.RuleViolation.badRequest("PROCEDURE_INVALID",
                    "程序“" + code + "”不存在，可选：PARTICIPATION（公众参与）、EXPERT（专家论证）、RISK（风险评估）。");
        }
    }
}
