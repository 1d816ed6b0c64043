package cn.juece.identity;

/**
 * A deciding organ (决策机关), e.g. 冠县人民政府 (code GX); one installation serves several (Art. 64). Its decision
 * numbers begin with {@link #prefix()}: the configured number prefix, or the code. {@code gazette}: whether it
 * publishes its decisions in a gazette of its own (Art. 52: the county government's 公报; a township has none).
 * {@code partyCommittee}: the party committee it reports to and whose approval its catalogue needs, as people name it
 * (Art. 4, 51: 县委; a sub-district's 街道党工委). {@code keepsCatalogue}: whether it compiles an annual catalogue of major
 * decisions (Art. 4 asks it of the county government; an organ acting by reference keeps one where it is set up to, Art. 64).
 * {@code congress}: the people's congress Art. 51's routes name for it (县人民代表大会; a town's 镇人民代表大会; null for a
 * sub-district, which has none); {@code superiorGovernment}: the government whose approval Art. 51 names (市人民政府 for
 * the county, 县人民政府 for a township).
 */
public record Organ(String code, String name, String shortName, String officeUnit, String justiceUnit, String numberPrefix,
                    boolean gazette, String partyCommittee, boolean keepsCatalogue, String congress,
                    String superiorGovernment) {

    public Organ {
        partyCommittee = partyCommittee == null || partyCommittee.isBlank() ? "党委" : partyCommittee.strip();
        congress = congress == null || congress.isBlank() ? null : congress.strip();
        superiorGovernment = superiorGovernment == null || superiorGovernment.isBlank() ? "上级人民政府" : superiorGovernment.strip();
    }

    /**
     * An organ with a gazette and a catalogue, reporting to 县委, answering to 县人民代表大会 and 市人民政府 (Art. 51),
     * numbering by its code: what an organ seeded before V265 to V268 is.
     */
    public Organ(String code, String name, String shortName, String officeUnit, String justiceUnit) {
        this(code, name, shortName, officeUnit, justiceUnit, null, true, "县委", true, COUNTY_CONGRESS, CITY_GOVERNMENT);
    }

    /** Art. 51's bodies for the county government, and for an organ whose settings do not name them. */
    public static final String COUNTY_CONGRESS = "县人民代表大会";
    public static final String CITY_GOVERNMENT = "市人民政府";

    public String prefix() {
        return numberPrefix == null || numberPrefix.isBlank() ? code : numberPrefix;
    }
}
