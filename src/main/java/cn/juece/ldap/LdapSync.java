package cn.juece.ldap;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.identity.OrganisationRepository;
import cn.juece.identity.Person;
import cn.juece.identity.Role;
import cn.juece.support.AppClock;

/**
 * Writes a directory person into the one identity source the rest of the system reads: their Camunda user (name,
 * mail; a random password nobody knows, as the directory checks theirs), their Camunda memberships (the groups
 * {@link GroupMapping} gives, plus {@link Groups#STAFF}), and their row in juece.person (unit, title, roles). Groups the
 * directory gave before and gives no more are taken back; groups an administrator added in Camunda Admin are left.
 * Every change is an audit entry (the organisation's chain). Runs at each sign-in of a directory person (in the
 * password check's transaction) and for everyone on a schedule ({@link #syncAll}).
 */
@Service
@WhenLdapEnabled
class LdapSync {

    private static final Logger log = LoggerFactory.getLogger(LdapSync.class);

    /** Camunda's user ids here (application.yaml, user-resource-whitelist-pattern) and juece.person.id's length. */
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Result {
        /** Written, with a unit. */
        ASSIGNED,
        /** The person's groups map to no unit: not written (their earlier groups taken back). */
        NO_UNIT,
        /** A built-in person (config/organisation.yaml, Camunda Admin) has this user name: the directory's is ignored. */
        BUILT_IN,
        /** The user name cannot be a Camunda user id. */
        INVALID_ID
    }

    /** What a scheduled sync did. */
    record Report(boolean completed, int assigned, int withoutUnit, int skipped, int takenBack) {
    }

    private final IdentityService identity;
    private final OrganisationRepository organisation;
    private final Directory directory;
    private final LdapAccounts accounts;
    private final GroupMapping mapping;
    private final LdapDirectory ldap;
    private final AuditTrail audit;
    private final AppClock clock;
    private final TransactionTemplate tx;

    LdapSync(IdentityService identity, OrganisationRepository organisation, Directory directory, LdapAccounts accounts,
             GroupMapping mapping, LdapDirectory ldap, AuditTrail audit, AppClock clock, TransactionTemplate tx) {
        this.identity = identity;
        this.organisation = organisation;
        this.directory = directory;
        this.accounts = accounts;
        this.mapping = mapping;
        this.ldap = ldap;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /** Writes one person as the directory has them now, in the caller's transaction. */
    Result apply(LdapEntry e) {
        if (e.id() == null || !USER_ID.matcher(e.id()).matches()) {
            log.warn("LDAP: {} has the user name '{}', which cannot be a user id here (letters, digits, _ . -; at most 64): skipped",
                    e.dn(), e.id());
            return Result.INVALID_ID;
        }
        return asEngine(() -> {
            Optional<LdapAccounts.Account> account = accounts.find(e.id());
            if (account.isEmpty() && identity.createUserQuery().userId(e.id()).count() > 0) {
                return Result.BUILT_IN;
            }
            GroupMapping.Assignment a = mapping.assign(e.groupDns());
            if (!a.hasUnit()) {
                account.ifPresent(acc -> takeBack(acc, "在统一身份目录中已不属于本系统的任何单位"));
                return Result.NO_UNIT;
            }
            write(e, a, account);
            return Result.ASSIGNED;
        });
    }

    /**
     * Everyone the directory lists, and everyone it no longer lists (their groups taken back), one transaction per
     * person. A directory that cannot be asked changes nothing; nor does an empty listing take anything back.
     */
    Report syncAll() {
        List<LdapEntry> entries;
        try {
            entries = ldap.all();
        } catch (LdapUnavailableException e) {
            log.warn("LDAP: scheduled sync not run: {}", e.getMessage());
            return new Report(false, 0, 0, 0, 0);
        }
        int assigned = 0;
        int withoutUnit = 0;
        int skipped = 0;
        Set<String> listed = new LinkedHashSet<>();
        for (LdapEntry e : entries) {
            if (e.id() != null) {
                listed.add(e.id());
            }
            try {
                Result r = tx.execute(s -> apply(e));
                switch (r) {
                    case ASSIGNED -> assigned++;
                    case NO_UNIT -> withoutUnit++;
                    default -> skipped++;
                }
            } catch (RuntimeException ex) {
                skipped++;
                log.warn("LDAP: scheduled sync could not write {}: {}", e.id(), ex.toString());
            }
        }
        int takenBack = 0;
        List<LdapAccounts.Account> known = accounts.all();
        if (entries.isEmpty() && !known.isEmpty()) {
            log.warn("LDAP: the directory lists nobody under the user search; {} known directory people keep their groups "
                    + "(check juece.directory.ldap.users)", known.size());
        } else {
            for (LdapAccounts.Account acc : known) {
                if (!listed.contains(acc.userId()) && !acc.grantedGroups().isEmpty()) {
                    Boolean changed = tx.execute(s -> asEngine(() -> takeBack(acc, "已不在统一身份目录中")));
                    if (Boolean.TRUE.equals(changed)) {
                        takenBack++;
                    }
                }
            }
        }
        log.info("LDAP: scheduled sync: {} listed, {} with a unit, {} without, {} skipped, {} no longer listed lost their groups",
                entries.size(), assigned, withoutUnit, skipped, takenBack);
        return new Report(true, assigned, withoutUnit, skipped, takenBack);
    }

    private void write(LdapEntry e, GroupMapping.Assignment a, Optional<LdapAccounts.Account> account) {
        String id = e.id();
        String name = cut(e.name() == null || e.name().isBlank() ? id : e.name().trim(), 64);
        String mail = e.mail() == null || e.mail().isBlank() ? null : e.mail().trim();

        User user = identity.createUserQuery().userId(id).singleResult();
        boolean created = user == null;
        if (created) {
            user = identity.newUser(id);
            user.setPassword(unusablePassword());
        }
        if (created || !name.equals(user.getFirstName()) || !Objects.equals(mail, user.getEmail()) || !"".equals(user.getLastName())) {
            // Camunda shows "first last": the whole Chinese name goes in the first name (as the seeder does)
            user.setFirstName(name);
            user.setLastName("");
            user.setEmail(mail);
            identity.saveUser(user);
        }

        Optional<Person> before = organisation.person(id);
        String title = e.title() == null || e.title().isBlank()
                ? before.map(Person::title).orElse("工作人员") : cut(e.title().trim(), 100);
        Person person = new Person(id, name, a.unit(), title, a.roles(), before.map(Person::portfolio).orElse(List.of()));
        if (!before.equals(Optional.of(person))) {
            organisation.save(person);
        }

        Set<String> desired = new LinkedHashSet<>();
        desired.add(Groups.STAFF);
        desired.addAll(a.groups());
        Set<String> existing = identity.createGroupQuery().groupIdIn(desired.toArray(String[]::new)).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        if (!existing.containsAll(desired)) {
            log.warn("LDAP: {} should be in groups that do not exist in Camunda (create them in Camunda Admin): {}", id,
                    desired.stream().filter(g -> !existing.contains(g)).toList());
            desired.retainAll(existing);
        }
        Set<String> current = new LinkedHashSet<>(directory.groupsOf(id));
        Set<String> granted = account.map(LdapAccounts.Account::grantedGroups).orElse(Set.of());
        List<String> added = new ArrayList<>();
        for (String g : desired) {
            if (!current.contains(g)) {
                identity.createMembership(id, g);
                forgetGroupsOf(id);
                added.add(g);
            }
        }
        List<String> removed = new ArrayList<>();
        for (String g : granted) {
            if (current.contains(g) && !desired.contains(g)) {
                identity.deleteMembership(id, g);
                forgetGroupsOf(id);
                removed.add(g);
            }
        }
        accounts.save(new LdapAccounts.Account(id, e.dn(), desired, clock.now()));

        String unitBefore = before.map(Person::unitCode).orElse(null);
        if (created || before.isEmpty() || !added.isEmpty() || !removed.isEmpty() || !a.unit().equals(unitBefore)) {
            StringBuilder detail = new StringBuilder("统一身份目录：");
            if (created || before.isEmpty()) {
                detail.append("新增人员 ").append(name).append("（").append(id).append("），").append(directory.unitName(a.unit()));
            } else {
                detail.append(name).append("（").append(id).append("）");
                if (!a.unit().equals(unitBefore)) {
                    detail.append("，单位由").append(directory.unitName(unitBefore)).append("改为").append(directory.unitName(a.unit()));
                }
            }
            if (!added.isEmpty()) {
                detail.append("；加入：").append(names(added));
            }
            if (!removed.isEmpty()) {
                detail.append("；退出：").append(names(removed));
            }
            if (!a.roles().isEmpty()) {
                detail.append("；角色：").append(a.roles().stream().map(Role::label).collect(Collectors.joining("、")));
            }
            audit.record(Actor.system(), null, null, AuditAction.DIRECTORY_SYNCED, detail.toString());
        }
    }

    /** Takes back every group the directory gave and the person still has; true when one was taken. */
    private boolean takeBack(LdapAccounts.Account acc, String why) {
        Set<String> current = new LinkedHashSet<>(directory.groupsOf(acc.userId()));
        List<String> removed = new ArrayList<>();
        for (String g : acc.grantedGroups()) {
            if (current.contains(g)) {
                identity.deleteMembership(acc.userId(), g);
                forgetGroupsOf(acc.userId());
                removed.add(g);
            }
        }
        accounts.save(new LdapAccounts.Account(acc.userId(), acc.dn(), Set.of(), clock.now()));
        if (!removed.isEmpty()) {
            audit.record(Actor.system(), null, null, AuditAction.DIRECTORY_SYNCED, "统一身份目录："
                    + directory.displayName(acc.userId()) + "（" + acc.userId() + "）" + why + "；退出：" + names(removed));
        }
        return !removed.isEmpty();
    }

    private String names(List<String> groups) {
        return groups.stream().map(directory::groupName).collect(Collectors.joining("、"));
    }

    /**
     * Writing people and memberships is the system's act, not the signed-in person's (there is none yet at sign-in):
     * without Camunda's current authentication, then put back (as access.EngineGrants does).
     */
    private <T> T asEngine(Supplier<T> work) {
        Authentication acting = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (acting != null) {
                identity.setAuthentication(acting);
            }
        }
    }

    private static String unusablePassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** A membership written in this request: the request's remembered groups of that person are stale (RequestMemo). */
    private static void forgetGroupsOf(String userId) {
        cn.juece.support.RequestMemo.forget(Directory.groupsKey(userId));
        cn.juece.support.RequestMemo.forget(Directory.actorKey(userId));
    }
}
