package cn.juece.identity;

/**
 * A deciding organ (决策机关), e.g. 冠县人民政府 (code GX); one installation serves several (Art. 64). Its decision
 * numbers begin with {@link #prefix()}: the configured number prefix, or the code. {@code gazette}: whether it
 * publishes its decisions in a gazette of its own (Art. 52: the county government's 公报; a township has none).
 * {@code partyCommittee}: the party committee it reports to and whose approval its catalogue needs, as people name it
 * (Art. 4, 51: 县委; a sub-district's 街道党工委). {@code keepsCatalogue}: whether it compiles an annual catalogue of major
 * decisions (Art. 4 asks it of the county government; an organ acting by reference keeps one where it is set up to, Art. 64).
 */
public record Organ(String code, String name, String shortName, String officeUnit, String justiceUnit, String numberPrefix,
                    boolean gazette, String partyCommittee, boolean keepsCatalogue) {

    public Organ {
        partyCommittee = partyCommittee == null || partyCommittee.isBlank() ? "党委" : partyCommittee.strip();
    }

    /**
     * An organ with a gazette and a catalogue, reporting to 县委, numbering by its code: what an organ seeded before
     * V265 to V267 is.
     */
    public Organ(String code, String name, String shortName, String officeUnit, String justiceUnit) {
        this(code, name, shortName, officeUnit, justiceUnit, null, true, "县委", true);
    }

    public String prefix() {
        return numberPrefix == null || numberPrefix.isBlank() ? code : numberPrefix;
    }
}
