package cn.juece.calendar;

/**
 * GENERAL: written "一般不少于" — enforced by default, shortened only with a reason approved by the acting
 * unit's head, visible to supervision (RULES.md "一般", DECISIONS.md 12). STRICT: no exception in the rule.
 */
public enum Strictness {
    GENERAL("一般"),
    STRICT("刚性");

    private final String label;

    Strictness(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
