package cn.juece.ldap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.AuthenticationException;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.NoPermissionException;
import org.springframework.ldap.OperationNotSupportedException;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.query.LdapQuery;
import org.springframework.ldap.query.SearchScope;
import org.springframework.ldap.support.LdapUtils;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.stereotype.Component;

import static org.springframework.ldap.query.LdapQueryBuilder.query;

/**
 * The LDAP directory, read-only: finds a person and their groups with the service account, and checks a password by
 * binding as the person. Every failure to reach the directory becomes {@link LdapUnavailableException}; after one,
 * calls are refused at once for {@code retry-after} (so that an outage does not hold a sign-in, and the database
 * connection of its check, for a timeout each).
 */
@Component
@WhenLdapEnabled
class LdapDirectory {

    private static final Logger log = LoggerFactory.getLogger(LdapDirectory.class);

    private final LdapProperties properties;
    private final DefaultSpringSecurityContextSource source;
    private final LdapTemplate template;
    private final LdapName base;
    private volatile long unavailableUntil;
    private volatile boolean down;

    LdapDirectory(LdapProperties properties) {
        this.properties = properties;
        this.base = name(properties.base());
        this.source = new DefaultSpringSecurityContextSource(List.of(properties.url()), properties.base());
        if (properties.bindDn().isEmpty()) {
            source.setAnonymousReadOnly(true);
        } else {
            source.setUserDn(properties.bindDn());
            source.setPassword(properties.bindPassword());
        }
        source.setBaseEnvironmentProperties(Map.of(
                "com.sun.jndi.ldap.connect.timeout", String.valueOf(properties.connectTimeout().toMillis()),
                "com.sun.jndi.ldap.read.timeout", String.valueOf(properties.readTimeout().toMillis())));
        source.afterPropertiesSet();
        this.template = new LdapTemplate(source);
        // A listing cut at the server's size limit must fail, not look like a smaller directory (Spring LDAP's default
        // ignores the limit): the scheduled sync would otherwise take their groups from everyone past it.
        template.setIgnoreSizeLimitExceededException(false);
    }

    /** The person with this user name and password; empty for an unknown name or a wrong password. */
    Optional<LdapEntry> authenticate(String userId, String password) {
        if (password == null || password.isEmpty()) {
            // A simple bind with a DN and no password is an anonymous bind, and succeeds: never try one.
            return Optional.empty();
        }
        Optional<LdapEntry> found = find(userId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        boolean bound = call(() -> {
            try {
                LdapUtils.closeContext(source.getContext(found.get().dn(), password));
                return true;
            } catch (AuthenticationException | OperationNotSupportedException | NoPermissionException refused) {
                // wrong password, or an account the directory locked or disabled
                return false;
            }
        });
        return bound ? found : Optional.empty();
    }

    /** The person with this user name (the service account's search), with their groups. */
    Optional<LdapEntry> find(String userId) {
        LdapQuery q = query().base(relative(properties.users().searchBase())).searchScope(SearchScope.SUBTREE)
                .attributes(userAttributes())
                .filter(properties.users().searchFilter(), userId);
        List<LdapEntry> found = call(() -> template.search(q, personMapper()));
        if (found.size() != 1) {
            if (found.size() > 1) {
                log.warn("LDAP: the user name {} names more than one entry; nobody is signed in with it", userId);
            }
            return Optional.empty();
        }
        LdapEntry e = found.get(0);
        return Optional.of(withGroups(e));
    }

    /** Everyone the user filter lists (its {@code {0}} as {@code *}), with their groups: the scheduled sync. */
    List<LdapEntry> all() {
        String filter = properties.users().searchFilter().replace("{0}", "*");
        LdapQuery q = query().base(relative(properties.users().searchBase())).searchScope(SearchScope.SUBTREE)
                .attributes(userAttributes()).filter(filter);
        List<LdapEntry> people = call(() -> template.search(q, personMapper()));
        List<LdapEntry> result = new ArrayList<>(people.size());
        for (LdapEntry e : people) {
            result.add(withGroups(e));
        }
        return result;
    }

    /** The base DN, parsed. */
    LdapName base() {
        return base;
    }

    private LdapEntry withGroups(LdapEntry person) {
        var g = properties.groups();
        String value = g.memberValue() == LdapProperties.MemberValue.ID ? person.id() : person.dn();
        String filter = "(&" + g.searchFilter() + "(" + g.memberAttribute() + "={0}))";
        LdapQuery q = query().base(relative(g.searchBase())).searchScope(SearchScope.SUBTREE).attributes("cn")
                .filter(filter, value);
        List<String> groups = call(() -> template.search(q, (ContextMapper<String>) ctx -> ((DirContextOperations) ctx).getNameInNamespace()));
        return new LdapEntry(person.dn(), person.id(), person.name(), person.mail(), person.title(), List.copyOf(groups));
    }

    private String[] userAttributes() {
        var u = properties.users();
        return new String[]{u.idAttribute(), u.nameAttribute(), u.mailAttribute(), u.titleAttribute()};
    }

    private ContextMapper<LdapEntry> personMapper() {
        var u = properties.users();
        return ctx -> {
            DirContextOperations o = (DirContextOperations) ctx;
            return new LdapEntry(o.getNameInNamespace(), o.getStringAttribute(u.idAttribute()), o.getStringAttribute(u.nameAttribute()),
                    o.getStringAttribute(u.mailAttribute()), o.getStringAttribute(u.titleAttribute()), List.of());
        };
    }

    /** A DN written in the configuration, relative to the base (as searches take it). */
    private String relative(String dn) {
        LdapName n = name(dn);
        return n.startsWith(base) ? n.getSuffix(base.size()).toString() : n.toString();
    }

    private <T> T call(Supplier<T> operation) {
        if (down && System.nanoTime() - unavailableUntil < 0) {
            throw new LdapUnavailableException("LDAP directory unreachable a moment ago; not asked again yet", null);
        }
        try {
            T result = operation.get();
            if (down) {
                down = false;
                log.info("LDAP directory {} answers again", properties.url());
            }
            return result;
        } catch (NamingException e) {
            unavailableUntil = System.nanoTime() + properties.retryAfter().toNanos();
            if (!down) {
                down = true;
                log.warn("LDAP directory {} cannot be asked ({}): directory people cannot sign in until it answers; built-in "
                        + "accounts are not affected. Next try after {}", properties.url(), describe(e), properties.retryAfter());
            }
            throw new LdapUnavailableException("LDAP directory unreachable: " + describe(e), e);
        }
    }

    private static String describe(NamingException e) {
        if (e instanceof AuthenticationException) {
            return "the service account (bind-dn, bind-password) was refused";
        }
        Throwable root = e.getMostSpecificCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static LdapName name(String dn) {
        try {
            return new LdapName(dn == null ? "" : dn);
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("not a DN: " + dn, e);
        }
    }
}
