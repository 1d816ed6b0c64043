package cn.juece.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import cn.juece.support.RequestMemo;
import cn.juece.support.RuleViolation;

/**
 * Who is who: people, units and organs, and the person acting now. One identity source: Camunda's
 * identity service holds passwords and group memberships; our tables hold units, titles and roles.
 */
@Service
public class Directory {

    private final OrganisationRepository organisation;
    private final IdentityService identityService;

    Directory(OrganisationRepository organisation, IdentityService identityService) {
        this.organisation = organisation;
        this.identityService = identityService;
    }

    /** The groups a person is in (read once per request and person: {@link RequestMemo}). */
    public List<String> groupsOf(String userId) {
        return groupsOf(identityService, userId);
    }

    /** The same, for the sign-in check, which has the identity service but not the directory. */
    static List<String> groupsOf(IdentityService identityService, String userId) {
        return RequestMemo.get(groupsKey(userId),
                () -> identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
    }

    /** What a request remembers a person's groups and actor under ({@link RequestMemo}). */
    public static String groupsKey(String userId) {
        return "groups:" + userId;
    }

    public static String actorKey(String userId) {
        return "actor:" + userId;
    }

    /** The person acting in this request or engine command, or {@link Actor#system()}. */
    public Actor currentActor() {
        Authentication engineAuth = identityService.getCurrentAuthentication();
        if (engineAuth != null && engineAuth.getUserId() != null) {
            return actor(engineAuth.getUserId());
        }
        var springAuth = SecurityContextHolder.getContext().getAuthentication();
        if (springAuth != null && springAuth.isAuthenticated() && !"anonymousUser".equals(springAuth.getName())) {
            return actor(springAuth.getName());
        }
        return Actor.system();
    }

    /**
     * The people of the organisation in any of these groups, in the organisation's order: one query per group (issue 17:
     * asking each person's groups in turn was a query per person of the county).
     */
    public List<Person> peopleIn(java.util.Collection<String> groups) {
        java.util.Set<String> members = new java.util.HashSet<>();
        for (String g : new java.util.LinkedHashSet<>(groups)) {
            identityService.createUserQuery().memberOfGroup(g).list().forEach(u -> members.add(u.getId()));
        }
        return people().stream().filter(p -> members.contains(p.id())).toList();
    }

    /** The ids of the people in the group, by the identity service (one query). */
    public java.util.Set<String> memberIds(String group) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        identityService.createUserQuery().memberOfGroup(group).list().forEach(u -> ids.add(u.getId()));
        return ids;
    }

    /** A person as an actor: their unit, titles and groups (read once per request and person: {@link RequestMemo}). */
    public Actor actor(String userId) {
        return RequestMemo.get(actorKey(userId), () -> readActor(userId));
    }

    private Actor readActor(String userId) {
        List<String> groups = groupsOf(userId);
        // the person and their unit in one query; the unit is remembered for the request as knownUnit would (issue 17)
        return organisation.personWithUnit(userId).map(pu -> {
            Person p = pu.person();
            if (pu.unit() != null) {
                RequestMemo.get(unitKey(p.unitCode()), pu::unit);
            }
            return new Actor(p.id(), p.name(), p.unitCode(), unitName(p.unitCode()), rolesLabel(p), groups);
        }).orElseGet(() -> new Actor(userId, userId, null, null, "", groups));
    }

    public Person person(String userId) {
        return organisation.person(userId)
                .orElseThrow(() -> RuleViolation.notFound("PERSON_NOT_FOUND", "人员不存在：" + userId));
    }

    public Organ organ(String code) {
        return Optional.ofNullable(RequestMemo.get("organ:" + code, () -> organisation.organ(code).orElse(null)))
                .orElseThrow(() -> RuleViolation.notFound("ORGAN_NOT_FOUND", "决策机关不存在：" + code));
    }

    public OrgUnit unit(String code) {
        return knownUnit(code)
                .orElseThrow(() -> RuleViolation.badRequest("UNIT_NOT_FOUND", "单位不存在：" + code + "。请从本机关的单位中选择。"));
    }

    /** A person's name for pages (their id when they are not in the organisation, e.g. "system"). */
    public String displayName(String userId) {
        if (userId == null) {
            return "";
        }
        return organisation.person(userId).map(Person::name).orElse(Actor.SYSTEM_ID.equals(userId) ? "系统" : userId);
    }

    public String unitName(String code) {
        return code == null ? null : knownUnit(code).map(OrgUnit::name).orElse(code);
    }

    /**
     * The organisation's organs and units are read once per request (issue 17: the supervision page asked for the
     * same organ once per decision it checked, 204 queries for one page); one not found is asked again.
     */
    private Optional<OrgUnit> knownUnit(String code) {
        return Optional.ofNullable(RequestMemo.get(unitKey(code), () -> organisation.unit(code).orElse(null)));
    }

    private static String unitKey(String code) {
        return "unit:" + code;
    }

    public List<OrgUnit> units(String organCode) {
        return RequestMemo.get("units:" + organCode, () -> List.copyOf(organisation.units(organCode)));
    }

    public List<Organ> organs() {
        return RequestMemo.get("organs", () -> List.copyOf(organisation.organs()));
    }

    /**
     * The organs a person belongs to (Art. 64): their unit's organ and any organ whose unit or organ-wide group they
     * are in (config/organisation.yaml also-organs). Administrators, operators and the system belong to every organ.
     */
    public List<String> organsOf(Actor actor) {
        if (actor.isSystem() || actor.groups().contains(Groups.ADMIN) || actor.groups().contains(Groups.OPERATOR)) {
            return organs().stream().map(Organ::code).toList();
        }
        return RequestMemo.get("organs-of:" + actor.id() + ":" + actor.unitCode() + ":" + new java.util.TreeSet<>(actor.groups()), () -> {
            java.util.Set<String> codes = new java.util.TreeSet<>(organisation.organsOfGroups(actor.groups()));
            if (actor.unitCode() != null) {
                knownUnit(actor.unitCode()).ifPresent(u -> codes.add(u.organCode()));
            }
            return List.copyOf(codes);
        });
    }

    /**
     * The organ the person acts in when a request names none: the named one, which must be theirs; or, when they
     * belong to one organ only, that one; otherwise their unit's organ (Art. 64).
     */
    public String organFor(Actor actor, String requested) {
        List<String> mine = organsOf(actor);
        if (requested != null && !requested.isBlank()) {
            String code = requested.strip().toUpperCase(java.util.Locale.ROOT);
            if (!mine.contains(code)) {
                throw notYourOrgan(actor, code);
            }
            return code;
        }
        if (mine.size() == 1) {
            return mine.get(0);
        }
        if (actor.unitCode() != null) {
            var unit = organisation.unit(actor.unitCode());
            if (unit.isPresent()) {
                return unit.get().organCode();
            }
        }
        return mine.isEmpty() ? organs().get(0).code() : mine.get(0);
    }

    /** The refusal of an act in an organ the person does not belong to (Art. 64). */
    public RuleViolation notYourOrgan(Actor actor, String organCode) {
        String name = organisation.organ(organCode).map(Organ::name).orElse(organCode);
        return RuleViolation.forbidden("ORGAN_NOT_YOURS", "您（" + actor.name() + "）不属于决策机关“" + name
                + "”，不能以其名义办理（第六十四条：各决策机关分别办理本机关的决策事项）。您所属的决策机关："
                + String.join("、", organsOf(actor).stream().map(c -> organisation.organ(c).map(Organ::name).orElse(c)).toList()) + "。");
    }

    public List<Person> people() {
        return organisation.people();
    }

    /**
     * A Chinese name for a candidate group id, for task lists and the dossier: shown only, so kept ten seconds on this
     * node (a group query per group and page was 5 % of a work-list request's CPU on PostgreSQL, issue 17); a renamed
     * group shows its new name within ten seconds.
     */
    public String groupName(String groupId) {
        String name = groupNames.get(groupId, () -> {
            Group g = identityService.createGroupQuery().groupId(groupId).singleResult();
            return g == null ? null : g.getName();
        });
        return name == null ? groupId : name;
    }

    private final cn.juece.support.ShortLived<String, String> groupNames =
            new cn.juece.support.ShortLived<>(java.time.Duration.ofSeconds(10), 10_000);

    private static String rolesLabel(Person p) {
        List<String> labels = new ArrayList<>();
        labels.add(p.title());
        p.roles().stream().map(Role::label).forEach(labels::add);
        return labels.stream().distinct().collect(Collectors.joining("、"));
    }
}
