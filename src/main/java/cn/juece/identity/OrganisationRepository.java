package cn.juece.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organs, units and people in our schema. */
@Repository
public class OrganisationRepository {

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM juece.organ").query(Long.class).single() == 0;
    }

    void insert(Organ o) {
        jdbc.sql("INSERT INTO juece.organ (code, name, short_name, office_unit, justice_unit, number_prefix, gazette, party_committee,"
                        + " keeps_catalogue, congress, superior_government) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(o.code(), o.name(), o.shortName(), o.officeUnit(), o.justiceUnit(), o.numberPrefix(), o.gazette(), o.partyCommittee(),
                        o.keepsCatalogue(), o.congress(), o.superiorGovernment())
                .update();
    }

    void insert(OrgUnit u) {
        jdbc.sql("INSERT INTO juece.org_unit (code, organ_code, name, kind) VALUES (?, ?, ?, ?)")
                .params(u.code(), u.organCode(), u.name(), u.kind().name()).update();
    }

    void insert(Person p) {
        jdbc.sql("INSERT INTO juece.person (id, name, unit_code, title, roles, portfolio) VALUES (?, ?, ?, ?, ?, ?)")
                .params(p.id(), p.name(), p.unitCode(), p.title(),
                        String.join(",", p.roles().stream().map(Enum::name).toList()),
                        String.join(",", p.portfolio()))
                .update();
    }

    /** Writes a person anew or over their row: people of the LDAP directory, at each sign-in and sync (cn.juece.ldap). */
    public void save(Person p) {
        int updated = jdbc.sql("UPDATE juece.person SET name = ?, unit_code = ?, title = ?, roles = ?, portfolio = ? WHERE id = ?")
                .params(p.name(), p.unitCode(), p.title(), String.join(",", p.roles().stream().map(Enum::name).toList()),
                        String.join(",", p.portfolio()), p.id())
                .update();
        if (updated == 0) {
            insert(p);
        }
    }

    public Optional<Organ> organ(String code) {
        return jdbc.sql("SELECT " + ORGAN_COLUMNS + " FROM juece.organ WHERE code = ?").param(code)
                .query(OrganisationRepository::organ).optional();
    }

    public List<Organ> organs() {
        return jdbc.sql("SELECT " + ORGAN_COLUMNS + " FROM juece.organ ORDER BY code").query(OrganisationRepository::organ).list();
    }

    private static final String ORGAN_COLUMNS = "code, name, short_name, office_unit, justice_unit, number_prefix, gazette, party_committee, keeps_catalogue,"
            + " congress, superior_government";

    private static Organ organ(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Organ(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getBoolean(7), rs.getString(8), rs.getBoolean(9), rs.getString(10), rs.getString(11));
    }

    /**
     * The organs whose groups these are (Art. 64): the organs of the units among them and the organs whose organ-wide
     * groups (decision organ, executive head, members) are among them. A person belongs to exactly these organs.
     */
    public List<String> organsOfGroups(java.util.Collection<String> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        // the organs whose organ-wide groups these could be: what is left of a group named like one (Groups) without its
        // ending; one query with the units' organs (issue 17: every organ was read for every request before)
        java.util.Set<String> stems = new java.util.HashSet<>();
        for (String g : groups) {
            String lower = g.toLowerCase(java.util.Locale.ROOT);
            for (String organWide : List.of(Groups.decisionOrgan("x"), Groups.executiveHead("x"), Groups.members("x"))) {
                String ending = organWide.substring(1);
                if (lower.endsWith(ending) && lower.length() > ending.length()) {
                    stems.add(lower.substring(0, lower.length() - ending.length()));
                }
            }
        }
        String sql = "SELECT organ_code FROM juece.org_unit WHERE code IN (:groups)"
                + (stems.isEmpty() ? "" : " UNION SELECT code FROM juece.organ WHERE LOWER(code) IN (:stems)");
        var query = jdbc.sql(sql).param("groups", groups);
        if (!stems.isEmpty()) {
            query = query.param("stems", stems);
        }
        return List.copyOf(new java.util.TreeSet<>(query.query(String.class).list()));
    }

    public Optional<OrgUnit> unit(String code) {
        return jdbc.sql("SELECT code, organ_code, name, kind FROM juece.org_unit WHERE code = ?")
                .param(code)
                .query((rs, i) -> new OrgUnit(rs.getString(1), rs.getString(2), rs.getString(3), UnitKind.valueOf(rs.getString(4))))
                .optional();
    }

    public List<OrgUnit> units(String organCode) {
        return jdbc.sql("SELECT code, organ_code, name, kind FROM juece.org_unit WHERE organ_code = ? ORDER BY kind, code")
                .param(organCode)
                .query((rs, i) -> new OrgUnit(rs.getString(1), rs.getString(2), rs.getString(3), UnitKind.valueOf(rs.getString(4))))
                .list();
    }

    public Optional<Person> person(String id) {
        return jdbc.sql("SELECT id, name, unit_code, title, roles, portfolio FROM juece.person WHERE id = ?")
                .param(id)
                .query((rs, i) -> person(rs))
                .optional();
    }

    /** A person and their unit (null when the unit is not in the organisation). */
    public record PersonInUnit(Person person, OrgUnit unit) {
    }

    /** A person with their unit, in one query. */
    public Optional<PersonInUnit> personWithUnit(String id) {
        return jdbc.sql("""
                SELECT p.id, p.name, p.unit_code, p.title, p.roles, p.portfolio, u.code, u.organ_code, u.name, u.kind
                FROM juece.person p LEFT JOIN juece.org_unit u ON u.code = p.unit_code WHERE p.id = ?""")
                .param(id)
                .query((rs, i) -> {
                    Person person = person(rs);
                    OrgUnit unit = rs.getString(7) == null ? null
                            : new OrgUnit(rs.getString(7), rs.getString(8), rs.getString(9), UnitKind.valueOf(rs.getString(10)));
                    return new PersonInUnit(person, unit);
                })
                .optional();
    }

    public List<Person> people() {
        return jdbc.sql("SELECT id, name, unit_code, title, roles, portfolio FROM juece.person ORDER BY unit_code, id")
                .query((rs, i) -> person(rs))
                .list();
    }

    /** A person from the first six columns: id, name, unit_code, title, roles, portfolio. */
    private static Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                split(rs.getString(5)).stream().map(Role::valueOf).toList(), split(rs.getString(6)));
    }

    private static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
