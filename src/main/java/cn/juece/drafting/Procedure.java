package cn.juece.drafting;

import java.util.List;

/**
 * The three procedures decided at the end of drafting, each required or not with the reason recorded
 * (DECISIONS.md 3), run in parallel when required. Not holding one replaces a statutory step: it needs a ground
 * the rule names and a real reason (DECISIONS.md 24).
 */
public enum Procedure {
    PARTICIPATION("公众参与", "第十七条",
            "依法不予公开的决策事项（涉及国家秘密、商业秘密等）可以不采取便于社会公众参与的方式听取意见，请选择依据并写明理由",
            List.of(new Ground("STATE_SECRET", "涉及国家秘密，依法不予公开"),
                    new Ground("COMMERCIAL_SECRET", "涉及商业秘密，依法不予公开"),
                    new Ground("OTHER_NOT_PUBLIC", "其他依法不予公开的情形"))),
    EXPERT("专家论证", "第三十条", "专业性、技术性较强的决策事项应当组织专家论证；不需要的，请选择依据并写明理由",
            List.of(new Ground("NOT_TECHNICAL", "不属于专业性、技术性较强的决策事项"))),
    RISK("风险评估", "第三十六条", "可能造成不利影响的，应当评估风险可控性；已按规定评估过或不需要的，请选择依据并写明理由",
            List.of(new Ground("NO_ADVERSE_IMPACT", "实施不会对经济发展、社会稳定、公共安全、生态环境等造成不利影响"),
                    new Ground("ALREADY_ASSESSED", "已按照有关规定对风险可控性进行评价、评估，不作重复评估")));

    private final String label;
    private final String article;
    private final String whenNotRequired;
    private final List<Ground> grounds;

    Procedure(String label, String article, String whenNotRequired, List<Ground> grounds) {
        this.label = label;
        this.article = article;
        this.whenNotRequired = whenNotRequired;
        this.grounds = grounds;
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

    /** The grounds the rule names for not holding the procedure (one must be chosen). */
    public List<Ground> grounds() {
        return grounds;
    }

    public Ground ground(String code) {
        return grounds.stream().filter(g -> g.code().equals(code)).findFirst().orElse(null);
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

    /** A legal ground for not holding a procedure, as the article names it. */
    public record Ground(String code, String label) {
    }
}
