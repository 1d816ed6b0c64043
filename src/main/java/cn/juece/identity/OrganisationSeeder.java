package cn.juece.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.identity.OrganisationProperties.OrganDef;
import cn.juece.identity.OrganisationProperties.PersonDef;
import cn.juece.identity.OrganisationProperties.UnitDef;

/**
 * First start: writes the organisation of config/organisation.yaml into our tables and into Camunda's
 * identity service (users, one group per unit and per role), grants the Camunda authorizations the
 * roles need, and creates the Tasklist filters. Later starts change nothing (DECISIONS.md 15), except that every
 * Tasklist filter is made to carry the decision's number and title (a database whose filters lack them gets them).
 */
@Component
@Order(10)
class OrganisationSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganisationSeeder.class);

    private final OrganisationProperties properties;
    private final OrganisationRepository repository;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final TransactionTemplate tx;
    private final String defaultPassword;

    OrganisationSeeder(OrganisationProperties properties, OrganisationRepository repository,
                       IdentityService identityService, AuthorizationService authorizationService,
                       FilterService filterService, TaskService taskService, TransactionTemplate tx,
                       @Value("${juece.identity.default-password}") String defaultPassword) {
        this.properties = properties;
        this.repository = repository;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.tx = tx;
        this.defaultPassword = defaultPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!repository.isEmpty()) {
            int upgraded = tx.execute(status -> labelFilters());
            if (upgraded > 0) {
                log.info("Tasklist filters now show the decision's number and title: {} filter(s) updated", upgraded);
            }
            return;
        }
        tx.executeWithoutResult(status -> {
            properties.organs().forEach(this::seedOrgan);
            properties.organs().forEach(this::seedMemberships);
            seedAdminGrants();
            seedOperatorGrants();
            seedFilters();
        });
        log.info("Seeded the organisation from config/organisation.yaml: {} organ(s)", properties.organs().size());
    }

    private void seedOrgan(OrganDef def) {
        repository.insert(new Organ(def.code(), def.name(), def.shortName(), def.officeUnit(), def.justiceUnit(),
                def.numberPrefix() == null || def.numberPrefix().isBlank() ? null : def.numberPrefix().strip(),
                def.gazette() == null || def.gazette(), def.partyCommittee(), def.catalogue() == null || def.catalogue(),
                def.congress() == null ? Organ.COUNTY_CONGRESS : def.congress(),
                def.superiorGovernment() == null ? Organ.CITY_GOVERNMENT : def.superiorGovernment()));
        group(Groups.STAFF, "全体工作人员", "STAFF");
        group(Groups.ADMIN, "系统管理员", "SYSTEM");
        group(Groups.OPERATOR, Role.OPERATOR.label(), "SYSTEM");
        group(Groups.decisionOrgan(def.code()), def.name() + "（决策机关）", "DECISION_ORGAN");
        group(Groups.executiveHead(def.code()), def.shortName() + "行政首长", "EXECUTIVE_HEAD");
        group(Groups.members(def.code()), def.shortName() + (def.name().endsWith("人民政府") ? "人民政府组成人员" : "组成人员"), "MEMBERS");
        for (UnitDef u : def.units()) {
            repository.insert(new OrgUnit(u.code(), def.code(), u.name(), u.kind()));
            group(Groups.unit(u.code()), u.name(), "UNIT");
            group(Groups.legalOffice(u.code()), u.name() + "法制工作机构", "LEGAL_OFFICE");
            group(Groups.unitHead(u.code()), u.name() + "负责人", "UNIT_HEAD");
        }
        for (PersonDef p : def.people()) {
            repository.insert(new Person(p.id(), p.name(), p.unit(), p.title(), p.roles(), p.portfolio()));
            user(p);
            member(p.id(), Groups.STAFF);
            Groups.of(def.code(), p.unit(), p.roles()).forEach(g -> member(p.id(), g));
        }
        seedOrganGrants(def);
    }

    /**
     * Art. 64: a person's memberships of further organs (also-organs), once every organ's groups exist: the group of
     * the unit named there and of the roles held there.
     */
    private void seedMemberships(OrganDef def) {
        for (PersonDef p : def.people()) {
            for (OrganisationProperties.MembershipDef m : p.alsoOrgans()) {
                if (repository.organ(m.organ()).isEmpty()) {
                    throw new IllegalStateException("config/organisation.yaml: " + p.id() + " also-organs names an unknown organ " + m.organ());
                }
                if (m.unit() != null && !repository.unit(m.unit()).map(u -> u.organCode().equals(m.organ())).orElse(false)) {
                    throw new IllegalStateException("config/organisation.yaml: " + p.id() + " also-organs names unit " + m.unit()
                            + ", which is not a unit of " + m.organ());
                }
                Groups.of(m.organ(), m.unit(), m.roles()).forEach(g -> member(p.id(), g));
            }
        }
    }

    private void user(PersonDef p) {
        if (identityService.createUserQuery().userId(p.id()).count() > 0) {
            return;
        }
        User user = identityService.newUser(p.id());
        // Camunda shows "first last": the whole Chinese name (family name first) goes in the first name.
        user.setFirstName(p.name());
        user.setLastName("");
        user.setEmail(p.id() + "@gx.example.gov.cn");
        user.setPassword(p.password() == null || p.password().isBlank() ? defaultPassword : p.password());
        identityService.saveUser(user);
    }

    private void group(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group g = identityService.newGroup(id);
        g.setName(name);
        g.setType(type);
        identityService.saveGroup(g);
    }

    private void member(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }

    /** Staff use Tasklist; supervisors (justice bureau, office, decision organ, members) also use Cockpit. */
    private void seedOrganGrants(OrganDef def) {
        grant(Groups.STAFF, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Groups.STAFF, Resources.FILTER, "*", Permissions.READ);
        grant(Groups.STAFF, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        List<String> supervisors = List.of(Groups.unit(def.justiceUnit()), Groups.unit(def.officeUnit()),
                Groups.decisionOrgan(def.code()), Groups.executiveHead(def.code()), Groups.members(def.code()));
        for (String g : supervisors) {
            grant(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            // No TASK READ or READ_TASK: Tasklist shows everyone their own groups' tasks only; supervisors
            // follow every decision in Cockpit (instances, history) and on the dossier pages.
            if (properties.organs().size() > 1) {
                // Art. 64: with several organs, an organ's supervisors read its own runs only, by the grants on each
                // instance (access.EngineGrants), never every organ's by a standing grant
                grant(g, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
            } else {
                grant(g, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
                grant(g, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
            }
            grant(g, Resources.DEPLOYMENT, "*", Permissions.READ);
            grant(g, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        }
    }

    /**
     * Administrators get every authorization except those that change a decision's run (issue 10): modifying,
     * deleting, suspending instances and their variables, migrating, retrying jobs, restarting, deleting history,
     * and creating batches (a batch runs later, outside any audited act). Those belong to the operators.
     * Administrators still hold AUTHORIZATION rights and could grant themselves more: this is defence in depth,
     * the gate is operations.OperatorGate.
     */
    private void seedAdminGrants() {
        for (Resources r : Resources.values()) {
            Permission[] withheld = ADMIN_WITHHELD.getOrDefault(r, new Permission[0]);
            if (withheld.length == 0) {
                grant(Groups.ADMIN, r, "*", Permissions.ALL);
            } else {
                grantAllBut(Groups.ADMIN, r, withheld);
            }
        }
    }

    private static final Map<Resources, Permission[]> ADMIN_WITHHELD = Map.of(
            Resources.PROCESS_INSTANCE, new Permission[]{ProcessInstancePermissions.UPDATE, ProcessInstancePermissions.DELETE,
                    ProcessInstancePermissions.SUSPEND, ProcessInstancePermissions.UPDATE_VARIABLE, ProcessInstancePermissions.RETRY_JOB},
            Resources.PROCESS_DEFINITION, new Permission[]{ProcessDefinitionPermissions.UPDATE_INSTANCE,
                    ProcessDefinitionPermissions.DELETE_INSTANCE, ProcessDefinitionPermissions.MIGRATE_INSTANCE,
                    ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE, ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE,
                    ProcessDefinitionPermissions.SUSPEND_INSTANCE, ProcessDefinitionPermissions.SUSPEND,
                    ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.DELETE_HISTORY,
                    ProcessDefinitionPermissions.UPDATE_HISTORY, ProcessDefinitionPermissions.DELETE},
            Resources.TASK, new Permission[]{TaskPermissions.UPDATE_VARIABLE},
            Resources.DEPLOYMENT, new Permission[]{Permissions.DELETE},
            Resources.BATCH, new Permission[]{BatchPermissions.CREATE, BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES,
                    BatchPermissions.CREATE_BATCH_MODIFY_PROCESS_INSTANCES, BatchPermissions.CREATE_BATCH_RESTART_PROCESS_INSTANCES,
                    BatchPermissions.CREATE_BATCH_DELETE_RUNNING_PROCESS_INSTANCES,
                    BatchPermissions.CREATE_BATCH_DELETE_FINISHED_PROCESS_INSTANCES,
                    BatchPermissions.CREATE_BATCH_DELETE_DECISION_INSTANCES, BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES,
                    BatchPermissions.CREATE_BATCH_SET_EXTERNAL_TASK_RETRIES,
                    BatchPermissions.CREATE_BATCH_UPDATE_PROCESS_INSTANCES_SUSPEND, BatchPermissions.CREATE_BATCH_SET_REMOVAL_TIME,
                    BatchPermissions.CREATE_BATCH_SET_VARIABLES, BatchPermissions.CREATE_BATCH_CORRELATE_MESSAGE});

    /**
     * Operators (流程运维人员) use Cockpit and hold what the operations they are let through need: reading every
     * decision's run and history, changing instances and their variables, migrating, retrying and moving jobs,
     * restarting, correlating messages and deleting history. Never batches, and no TASK READ on all tasks
     * (Tasklist shows them their own groups' tasks only).
     */
    private void seedOperatorGrants() {
        grant(Groups.OPERATOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Groups.OPERATOR, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.DELETE_INSTANCE,
                ProcessDefinitionPermissions.MIGRATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE, ProcessDefinitionPermissions.SUSPEND_INSTANCE,
                ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.DELETE_HISTORY);
        grant(Groups.OPERATOR, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ,
                ProcessInstancePermissions.CREATE, ProcessInstancePermissions.UPDATE, ProcessInstancePermissions.DELETE,
                ProcessInstancePermissions.SUSPEND, ProcessInstancePermissions.UPDATE_VARIABLE,
                ProcessInstancePermissions.RETRY_JOB);
        grant(Groups.OPERATOR, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
        grant(Groups.OPERATOR, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(Groups.OPERATOR, Resources.DECISION_DEFINITION, "*", Permissions.READ);
    }

    private void grantAllBut(String groupId, Resource resource, Permission... withheld) {
        boolean exists = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId("*").count() > 0;
        if (exists) {
            return;
        }
        Authorization a = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(groupId);
        a.setResource(resource);
        a.setResourceId("*");
        a.addPermission(Permissions.ALL);
        for (Permission p : withheld) {
            a.removePermission(p);
        }
        authorizationService.saveAuthorization(a);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization a = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(groupId);
        a.setResource(resource);
        a.setResourceId(resourceId);
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        authorizationService.saveAuthorization(a);
    }

    /** Tasklist filters; with authorizations on, each person sees only the tasks of their groups. */
    private void seedFilters() {
        if (filterService.createFilterQuery().count() > 0) {
            return;
        }
        filter("本单位待办", "本人所在单位、机构和角色的待办任务", -10, "#c9302c",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        filter("我认领的任务", "已由本人认领的任务", 0, "#337ab7",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        filter("全部可见任务", "本人有权查看的全部任务", 10, "#555555", taskService.createTaskQuery());
    }

    private void filter(String name, String description, int priority, String color,
                        org.camunda.bpm.engine.task.TaskQuery query) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("description", description);
        props.put("priority", priority);
        props.put("color", color);
        props.put("refresh", true);
        props.put("variables", new ArrayList<>(CARD_VARIABLES));
        Filter f = filterService.newTaskFilter(name);
        f.setOwner("admin");
        f.setQuery(query);
        f.setProperties(props);
        filterService.saveFilter(f);
    }

    /**
     * The variables every task card shows, in this order (Tasklist also offers them by their label in its search:
     * 流程变量 or 任务变量 → 决策编号 / 决策事项). Each task carries its own copy (TaskPreparationListener), which
     * whoever may read the task may read. The names are DecisionVariables' (not imported: identity comes first).
     */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", "decisionNumber", "label", "决策编号"),
            Map.of("name", "decisionTitle", "label", "决策事项"));

    /** Adds the card variables to every task filter that lacks them, ahead of its own; idempotent. */
    private int labelFilters() {
        int updated = 0;
        for (Filter f : filterService.createTaskFilterQuery().list()) {
            Map<String, Object> props = f.getProperties() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(f.getProperties());
            List<Map<String, Object>> variables = new ArrayList<>();
            if (props.get("variables") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> m) {
                        Map<String, Object> copy = new LinkedHashMap<>();
                        m.forEach((k, v) -> copy.put(String.valueOf(k), v));
                        variables.add(copy);
                    }
                }
            }
            List<Map<String, Object>> missing = new ArrayList<>();
            for (Map<String, String> wanted : CARD_VARIABLES) {
                if (variables.stream().noneMatch(v -> wanted.get("name").equals(v.get("name")))) {
                    missing.add(new LinkedHashMap<>(wanted));
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            missing.addAll(variables);
            props.put("variables", missing);
            f.setProperties(props);
            filterService.saveFilter(f);
            updated++;
        }
        return updated;
    }
}
