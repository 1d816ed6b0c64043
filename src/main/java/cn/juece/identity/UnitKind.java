package cn.juece.identity;

/** What a unit is in the procedure (RULES.md, roles). */
public enum UnitKind {
    /** 县政府办公室: the decision organ's office, archiving (Art. 59), meeting secretariat. */
    OFFICE,
    /** 县司法局: catalogue (Art. 4), coordination (Art. 8), legality review (Art. 41-47). */
    JUSTICE,
    /** A department of the government: lead or other 承办 unit, consulted unit (Art. 12, 16). */
    DEPARTMENT,
    /** A township government or sub-district office (下一级人民政府). */
    TOWNSHIP
}
