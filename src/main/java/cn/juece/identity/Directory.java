package cn.juece.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

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

    public List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
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

    public Actor actor(String userId) {
        List<String> groups = groupsOf(userId);
        return organisation.person(userId)
                .map(p -> new Actor(p.id(), p.name(), p.unitCode(), unitName(p.unitCode()), rolesLabel(p), groups))
                .orElseGet(() -> new Actor(userId, userId, null, null, "", groups));
    }

    public Person person(String userId) {
        return organisation.person(userId)
                .orElseThrow(() -> RuleViolation.notFound("PERSON_NOT_FOUND", "人员不存在：" + userId));
    }

    public Organ organ(String code) {
        return organisation.organ(code)
                .orElseThrow(() -> RuleViolation.notFound("ORGAN_NOT_FOUND", "决策机关不存在：" + code));
    }

    public OrgUnit unit(String code) {
        return organisation.unit(code)
                .orElseThrow(() -> RuleViolation.badRequest("UNIT_NOT_FOUND", "单位不存在：" + code + "。请从本县单位中选择。"));
    }

    /** A person's name for pages (their id when they are not in the organisation, e.g. "system"). */
    public String displayName(String userId) {
        if (userId == null) {
            return "";
        }
        return organisation.person(userId).map(Person::name).orElse(Actor.SYSTEM_ID.equals(userId) ? "系统" : userId);
    }

    public String unitName(String code) {
        return code == null ? null : organisation.unit(code).map(OrgUnit::name).orElse(code);
    }

    public List<OrgUnit> units(String organCode) {
        return organisation.units(organCode);
    }

    public List<Organ> organs() {
        return organisation.organs();
    }

    public List<Person> people() {
        return organisation.people();
    }

    /** A Chinese name for a candidate group id, for task lists and the dossier. */
    public String groupName(String groupId) {
        Group g = identityService.createGroupQuery().groupId(groupId).singleResult();
        return g == null ? groupId : g.getName();
    }

    private static String rolesLabel(Person p) {
        List<String> labels = new ArrayList<>();
        labels.add(p.title());
        p.roles().stream().map(Role::label).forEach(labels::add);
        return labels.stream().distinct().collect(Collectors.joining("、"));
    }
}
