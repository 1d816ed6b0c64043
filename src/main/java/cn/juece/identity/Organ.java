package cn.juece.identity;

/**
 * A deciding organ (决策机关), e.g. 冠县人民政府 (code GX); one installation serves several (Art. 64). Its decision
 * numbers begin with {@link #prefix()}: the configured number prefix, or the code.
 */
public record Organ(String code, String name, String shortName, String officeUnit, String justiceUnit, String numberPrefix) {

    public Organ(String code, String name, String shortName, String officeUnit, String justiceUnit) {
        this(code, name, shortName, officeUnit, justiceUnit, null);
    }

    public String prefix() {
        return numberPrefix == null || numberPrefix.isBlank() ? code : numberPrefix;
    }
}
