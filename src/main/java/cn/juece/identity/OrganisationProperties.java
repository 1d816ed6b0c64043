package cn.juece.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The organisation as written in config/organisation.yaml: deciding organs (Art. 2, 64), their units and
 * people. Only the first start reads it; afterwards the database is the truth (DECISIONS.md 15).
 */
@ConfigurationProperties("juece.organisation")
public record OrganisationProperties(List<OrganDef> organs) {

    public OrganisationProperties {
        organs = organs == null ? List.of() : organs;
    }

    /**
     * A deciding organ; {@code numberPrefix} heads its decision numbers (its code when absent); {@code gazette}: whether
     * it publishes its decisions in a gazette of its own (Art. 52; true when absent, false for a township);
     * {@code partyCommittee}: the party committee as its pages name it (Art. 4, 51; 县委, 街道党工委; 党委 when absent);
     * {@code catalogue}: whether it compiles an annual catalogue of major decisions (Art. 4, 64; true when absent);
     * {@code congress}: the people's congress Art. 51 names for it (县人民代表大会 when absent; empty for none, a
     * sub-district); {@code superiorGovernment}: the government whose approval Art. 51 names (市人民政府 when absent).
     */
    public record OrganDef(String code, String name, String shortName, String officeUnit, String justiceUnit,
                           List<UnitDef> units, List<PersonDef> people, String numberPrefix, Boolean gazette, String partyCommittee,
                           Boolean catalogue, String congress, String superiorGovernment) {
        public OrganDef {
            units = units == null ? List.of() : units;
            people = people == null ? List.of() : people;
        }
    }

    public record UnitDef(String code, String name, UnitKind kind) {
    }

    public record PersonDef(String id, String name, String unit, String title, List<Role> roles,
                            List<String> portfolio, String password, List<MembershipDef> alsoOrgans) {
        public PersonDef {
            roles = roles == null ? List.of() : roles;
            portfolio = portfolio == null ? List.of() : portfolio;
            alsoOrgans = alsoOrgans == null ? List.of() : alsoOrgans;
        }
    }

    /**
     * A person's membership of a further organ (Art. 64: e.g. the county justice bureau reviewing for a township):
     * optionally a unit of that organ, whose group they join, and roles there.
     */
    public record MembershipDef(String organ, String unit, List<Role> roles) {
        public MembershipDef {
            roles = roles == null ? List.of() : roles;
        }
    }
}
