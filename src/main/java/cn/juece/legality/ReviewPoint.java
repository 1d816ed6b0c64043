package cn.juece.legality;

/** Art. 43: what the legality review checks, point by point. */
public enum ReviewPoint {
    AUTHORITY("决策事项是否符合法定权限", "第四十三条第一项"),
    PROCEDURE("决策草案的形成是否履行相关法定程序", "第四十三条第二项"),
    CONTENT("决策草案内容是否符合有关法律、法规、规章和政策的规定", "第四十三条第三项"),
    OTHER("其他需要进行合法性审查的内容", "第四十三条第四项");

    private final String label;
    private final String article;

    ReviewPoint(String label, String article) {
        this.label = label;
        this.article = article;
    }

    public String label() {
        return label;
    }

    public String article() {
        return article;
    }

    /** The finding on one point: starts empty, the reviewer chooses. */
    public enum Finding {
        COMPLIANT("符合规定"), PROBLEM("存在问题"), NOT_APPLICABLE("不涉及");

        private final String label;

        Finding(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static ReviewPoint parse(String code) {
        try {
            return valueOf(code == null ? "" : code.strip());
        } catch (IllegalArgumentException e) {
            throw cn.juece.support.RuleViolation.badRequest("REVIEW_POINT_INVALID",
                    "审查内容“" + code + "”不存在，可选：AUTHORITY（法定权限）、PROCEDURE（法定程序）、CONTENT（内容合法）、OTHER（其他）（第四十三条）。");
        }
    }

    static Finding finding(String code) {
        try {
            return Finding.valueOf(code == null ? "" : code.strip());
        } catch (IllegalArgumentException e) {
            throw cn.juece.support.RuleViolation.badRequest("REVIEW_FINDING_REQUIRED",
                    "请选择审查结论：COMPLIANT（符合规定）、PROBLEM（存在问题）或 NOT_APPLICABLE（不涉及）（第四十三条）。");
        }
    }
}
