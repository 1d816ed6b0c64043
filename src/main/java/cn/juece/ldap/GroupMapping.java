package cn.juece.ldap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.naming.ldap.LdapName;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.juece.identity.Groups;
import cn.juece.identity.OrgUnit;
import cn.juece.identity.OrganisationRepository;
import cn.juece.identity.Role;

/**
 * What a person's directory groups mean here ({@code juece.directory.ldap.mapping}): their unit, their roles, and so
 * the very Camunda groups a person of config/organisation.yaml with that unit and those roles has ({@link Groups#of}).
 * Directory groups are compared as DNs (case, spaces and escaping do not matter).
 */
@Component
@WhenLdapEnabled
class GroupMapping {

    /** One mapping entry, its group's DN in full. */
    record Rule(LdapName group, String unit, List<Role> roles, String organ) {
    }

    /**
     * @param unit   the person's unit (that of the first matching entry naming one), null when no entry names one
     * @param roles  every role the matching entries give
     * @param groups the Camunda groups, without {@link Groups#STAFF}
     */
    record Assignment(String unit, List<Role> roles, Set<String> groups) {
        boolean hasUnit() {
            return unit != null;
        }
    }

    private final List<Rule> rules;
    private final OrganisationRepository organisation;
    private final String defaultOrgan;

    GroupMapping(LdapProperties properties, OrganisationRepository organisation,
                 @Value("${juece.default-organ}") String defaultOrgan) {
        this.organisation = organisation;
        this.defaultOrgan = properties.organ() == null || properties.organ().isBlank() ? defaultOrgan : properties.organ().trim();
        LdapName base = LdapDirectory.name(properties.base());
        List<Rule> list = new ArrayList<>();
        for (LdapProperties.Mapping m : properties.mapping()) {
            LdapName dn = LdapDirectory.name(m.group());
            if (!dn.startsWith(base)) {
                dn = LdapDirectory.name(dn + (base.isEmpty() ? "" : "," + base));
            }
            list.add(new Rule(dn, m.unit(), m.roles(), m.organ()));
        }
        this.rules = List.copyOf(list);
    }

    List<Rule> rules() {
        return rules;
    }

    Assignment assign(List<String> groupDns) {
        Set<LdapName> member = new LinkedHashSet<>();
        groupDns.forEach(dn -> member.add(LdapDirectory.name(dn)));
        String unit = null;
        Set<Role> roles = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (Rule r : rules) {
            if (!member.contains(r.group())) {
                continue;
            }
            String organ = r.organ() != null ? r.organ() : defaultOrgan;
            if (r.unit() != null) {
                Optional<OrgUnit> u = organisation.unit(r.unit());
                if (u.isEmpty()) {
                    continue; // named in the start-up check (problems())
                }
                organ = u.get().organCode();
                if (unit == null) {
                    unit = r.unit();
                }
            }
            roles.addAll(r.roles());
            groups.addAll(Groups.of(organ, r.unit(), r.roles()));
        }
        return new Assignment(unit, List.copyOf(roles), groups);
    }

    /** Mapping entries naming a unit the organisation does not have (they are ignored), for the start-up log. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Rule r : rules) {
            if (r.unit() != null && organisation.unit(r.unit()).isEmpty()) {
                problems.add(r.group() + " → unit " + r.unit() + " (no such unit)");
            }
        }
        return problems;
    }
}
