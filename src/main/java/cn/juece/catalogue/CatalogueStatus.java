package cn.juece.catalogue;

/** Where a year's catalogue stands (Art. 4; openness excerpt). */
public enum CatalogueStatus {
    COMPILING("编制中"),
    SUBMITTED("已报请决策机关确认"),
    CONFIRMED("决策机关已确认，待党委审定"),
    PUBLISHED("已公布");

    private final String label;

    CatalogueStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
