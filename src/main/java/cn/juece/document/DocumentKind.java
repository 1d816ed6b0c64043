package cn.juece.document;

import cn.juece.dossier.MaterialType;

/** The documents generated from the records, each stored as the material its article names. */
public enum DocumentKind {
    LEGALITY_OPINION("合法性审查意见书", "第四十六条", MaterialType.LEGALITY_OPINION),
    MEETING_MINUTES("会议纪要", "第五十条", MaterialType.MEETING_MINUTES),
    PUBLICATION_NOTICE("决策公布公告", "第五十二条", MaterialType.PUBLICATION_NOTICE),
    ADOPTION_SUMMARY("意见收集采纳情况说明", "第五十二条；政务公开要求", MaterialType.ADOPTION_SUMMARY),
    COMPLIANCE_REPORT("合规情况报告", "第四十二条、第四十九条", MaterialType.COMPLIANCE_REPORT);

    private final String label;
    private final String article;
    private final MaterialType material;

    DocumentKind(String label, String article, MaterialType material) {
        this.label = label;
        this.article = article;
        this.material = material;
    }

    public String label() {
        return label;
    }

    public String article() {
        return article;
    }

    public MaterialType material() {
        return material;
    }

    /** The default template's file on the classpath (config/documents/, seeded into the database once). */
    String defaultFile() {
        return "config/documents/" + name().toLowerCase().replace('_', '-') + ".txt";
    }

    public static DocumentKind parse(String code) {
        try {
            return valueOf(code == null ? "" : code.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw cn.juece.support.RuleViolation.notFound("TEMPLATE_NOT_FOUND", "公文模板“" + code + "”不存在。");
        }
    }
}
