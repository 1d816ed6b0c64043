package cn.juece.risk;

import cn.juece.support.RuleViolation;

/** Art. 37: the kinds of risk the assessment looks at, as the article names and describes them. */
public enum RiskKind {
    SOCIAL_STABILITY("社会稳定风险", "（一）", "可能引发社会矛盾纠纷、群体性事件或者其他社会安全事件"),
    PUBLIC_SAFETY("公共安全风险", "（二）", "可能造成人身伤害、财产损害或者其他危害公共安全"),
    ECOLOGY("生态环境风险", "（三）", "可能造成重大环境污染、生态环境破坏或者次生自然灾害等不良影响"),
    FISCAL_FINANCIAL("财政金融风险", "（四）", "可能造成大额财政资金流失、带来重大政府性债务、导致区域性或者系统性金融风险隐患"),
    PUBLIC_OPINION("舆情风险", "（五）", "可能产生大范围的严重负面评价"),
    OTHER("其他风险", "（六）", "可能引发的其他风险");

    private final String label;
    private final String item;
    private final String description;

    RiskKind(String label, String item, String description) {
        this.label = label;
        this.item = item;
        this.description = description;
    }

    public String label() {
        return label;
    }

    /** The item of Art. 37 that names it, e.g. （一）. */
    public String item() {
        return item;
    }

    public String description() {
        return description;
    }

    static RiskKind parse(String code) {
        try {
            return valueOf(code == null ? "" : code.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("RISK_KIND_INVALID", "风险类别“" + code + "”不存在，可选：SOCIAL_STABILITY（社会稳定）、PUBLIC_SAFETY（公共安全）、"
                    + "ECOLOGY（生态环境）、FISCAL_FINANCIAL（财政金融）、PUBLIC_OPINION（舆情）、OTHER（其他）（第三十七条）。");
        }
    }
}
