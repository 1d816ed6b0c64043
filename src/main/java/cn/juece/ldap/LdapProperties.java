package cn.juece.ldap;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.juece.identity.Role;

/**
 * Identities from an LDAP directory ({@code juece.directory.ldap.*}, config/application-ldap.yaml; README "Signing in
 * through the directory (LDAP)"). Off unless {@code enabled}. Search bases and group names are relative to {@link #base} unless they
 * already end with it.
 *
 * @param url          e.g. {@code ldap://ldap.gx.gov.cn:389} or {@code ldaps://…:636} (the JVM's trust store)
 * @param base         the directory's base DN, e.g. {@code dc=gx,dc=gov,dc=cn}
 * @param bindDn       the service account that searches people and groups (full DN); empty: anonymous searches
 * @param organ        the deciding organ of organ-wide roles (decision organ, executive head, members); default
 *                     {@code juece.default-organ}
 * @param mapping      directory groups to our units and roles, in order: a person's unit is that of the first
 *                     entry that names a unit among their groups
 * @param retryAfter   after the directory failed to answer, directory people are refused at once for this long
 *                     instead of each waiting for the timeout
 */
@ConfigurationProperties("juece.directory.ldap")
public record LdapProperties(boolean enabled, String url, String base, String bindDn, String bindPassword, String organ,
                             Users users, GroupSearch groups, List<Mapping> mapping, Duration connectTimeout,
                             Duration readTimeout, Duration retryAfter) {

    public LdapProperties {
        url = url == null ? "" : url.trim();
        base = base == null ? "" : base.trim();
        bindDn = bindDn == null ? "" : bindDn.trim();
        bindPassword = bindPassword == null ? "" : bindPassword;
        users = users == null ? new Users(null, null, null, null, null, null) : users;
        groups = groups == null ? new GroupSearch(null, null, null, null) : groups;
        mapping = mapping == null ? List.of() : List.copyOf(mapping);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
        if (enabled && url.isEmpty()) {
            throw new IllegalArgumentException("juece.directory.ldap.url is required when the directory is enabled");
        }
        for (int i = 0; i < mapping.size(); i++) {
            mapping.get(i).validate(i);
        }
    }

    /**
     * How people are found.
     *
     * @param searchFilter {@code {0}} is the user name typed at sign-in (escaped); with {@code {0}} replaced by
     *                     {@code *} the same filter lists everyone for the scheduled sync
     * @param idAttribute  the user name (must equal what was typed, and fit Camunda's user ids: letters, digits, _ . -)
     * @param titleAttribute the person's title (职务) shown in the audit trail; "工作人员" when absent
     */
    public record Users(String searchBase, String searchFilter, String idAttribute, String nameAttribute,
                        String mailAttribute, String titleAttribute) {
        public Users {
            searchBase = searchBase == null ? "" : searchBase.trim();
            searchFilter = blank(searchFilter) ? "(&(objectClass=inetOrgPerson)(uid={0}))" : searchFilter.trim();
            idAttribute = blank(idAttribute) ? "uid" : idAttribute.trim();
            nameAttribute = blank(nameAttribute) ? "cn" : nameAttribute.trim();
            mailAttribute = blank(mailAttribute) ? "mail" : mailAttribute.trim();
            titleAttribute = blank(titleAttribute) ? "title" : titleAttribute.trim();
            if (!searchFilter.contains("{0}")) {
                throw new IllegalArgumentException("juece.directory.ldap.users.search-filter must contain {0} (the user name)");
            }
        }
    }

    /**
     * How a person's groups are found: groups under {@code searchBase} matching {@code searchFilter} whose
     * {@code memberAttribute} holds the person's DN ({@code member}, {@code uniqueMember}) or, with
     * {@code memberValue: ID}, their user name ({@code memberUid} of a posixGroup).
     */
    public record GroupSearch(String searchBase, String searchFilter, String memberAttribute, MemberValue memberValue) {
        public GroupSearch {
            searchBase = searchBase == null ? "" : searchBase.trim();
            searchFilter = blank(searchFilter) ? "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))" : searchFilter.trim();
            memberAttribute = blank(memberAttribute) ? "member" : memberAttribute.trim();
            memberValue = memberValue == null ? MemberValue.DN : memberValue;
        }
    }

    public enum MemberValue { DN, ID }

    /**
     * One directory group and what it means here: members belong to {@code unit} (our unit code, its Camunda group),
     * and hold {@code roles} — a unit's roles (HEAD, LEGAL) in that unit, organ-wide roles (DECISION_ORGAN,
     * EXECUTIVE_HEAD, MEMBER) in {@code organ} (default: the directory's organ), ADMIN and OPERATOR as such.
     *
     * @param group the group's DN, e.g. {@code cn=发改局,ou=units,ou=groups} (relative to the base) or in full
     */
    public record Mapping(String group, String unit, List<Role> roles, String organ) {
        public Mapping {
            roles = roles == null ? List.of() : List.copyOf(roles);
            unit = blank(unit) ? null : unit.trim();
            organ = blank(organ) ? null : organ.trim();
        }

        void validate(int index) {
            String where = "juece.directory.ldap.mapping[" + index + "]";
            if (blank(group)) {
                throw new IllegalArgumentException(where + ".group is required");
            }
            if (unit == null && roles.isEmpty()) {
                throw new IllegalArgumentException(where + " (" + group + ") names neither a unit nor a role");
            }
            if (unit == null && (roles.contains(Role.HEAD) || roles.contains(Role.LEGAL))) {
                throw new IllegalArgumentException(where + " (" + group + "): HEAD and LEGAL are a unit's roles, name the unit");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
