package cn.juece.launch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsible;
import cn.juece.audit.AuditAction;
import cn.juece.workflow.StepProjection;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionRepository;
import cn.juece.decision.DecisionService;
import cn.juece.decision.Stage;
import cn.juece.dossier.DossierFact;
import cn.juece.dossier.FactSource;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.identity.OrgUnit;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepFact;
import cn.juece.workflow.StepFactTable;

/**
 * Stage 2 (Art. 11, 12): the decision organ names the 承办 units and, when two or more, the lead one; when
 * a unit's functions move, the unit that keeps exercising them becomes the 承办 unit: the change and its
 * ground are audited and the open steps move to the new unit (workflow.StepProjection). Future tasks follow by
 * themselves, their candidate groups being resolved from the dossier (access.Roles).
 */
@Service
public class LaunchService implements FactSource {

    static final String DECIDE_TASK = "launch-decide";

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final DecisionRepository repository;
    private final Directory directory;
    private final AuditTrail audit;
    private final TaskService taskService;
    private final AppClock clock;
    private final DecisionAccess access;
    private final StepProjection projection;
    private final StepFactTable<LaunchDecision> launchDecisions;

    LaunchService(JdbcClient jdbc, DecisionService decisions, DecisionRepository repository, Directory directory,
                  AuditTrail audit, TaskService taskService, AppClock clock, DecisionAccess access, StepProjection projection) {
        this.access = access;
        this.projection = projection;
        this.jdbc = jdbc;
        this.launchDecisions = new StepFactTable<>(jdbc, "launch_decision", (rs, id, decisionId, step) -> new LaunchDecision(id, decisionId, step));
        this.decisions = decisions;
        this.repository = repository;
        this.directory = directory;
        this.audit = audit;
        this.taskService = taskService;
        this.clock = clock;
    }

    /** Art. 12: names the 承办 units before the launch; with two or more, the lead unit is the one named lead. */
    @Transactional
    public LaunchUnits nameUnits(String number, String leadUnit, List<String> coUnits, String basis) {
        Decision d = decisions.get(number);
        open(d);
        if (d.stage() != Stage.LAUNCH) {
            throw new RuleViolation("UNITS_NOT_IN_LAUNCH",
                    "决策承办单位在决策机关决定启动时明确（第十二条）；该事项当前处于“" + d.stage().label() + "”阶段。"
                            + "之后职能调整的，请办理“变更决策承办单位”。");
        }
        Actor actor = requireOrgan(d, "明确决策承办单位");
        List<String> co = coUnits == null ? List.of() : coUnits.stream().filter(u -> u != null && !u.isBlank()).map(String::strip).toList();
        if (leadUnit == null || leadUnit.isBlank()) {
            throw RuleViolation.badRequest("LEAD_UNIT_REQUIRED", co.isEmpty()
                    ? "请明确决策承办单位（第十二条）。"
                    : "决策事项由两个以上单位承办的，应当明确牵头决策承办单位（第十二条）。");
        }
        String lead = leadUnit.strip();
        if (new LinkedHashSet<>(co).size() != co.size() || co.contains(lead)) {
            throw RuleViolation.badRequest("CO_UNITS_INVALID", "其他承办单位不能重复，也不能与牵头承办单位相同（第十二条）。");
        }
        for (String u : concat(lead, co)) {
            unitOf(d, u);
        }
        String b = basis == null || basis.isBlank() ? null : basis.strip();
        if (b != null && b.length() > 500) {
            throw RuleViolation.badRequest("REASON_TOO_LONG", "依据不超过500字。");
        }
        var now = clock.now();
        repository.setUnits(d.id(), lead, co, now);
        int updated = jdbc.sql("UPDATE juece.launch_units SET lead_unit = ?, co_units = ?, basis = ?, named_by = ?, named_at = ? WHERE decision_id = ?")
                .params(lead, join(co), b, actor.id(), now, d.id()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO juece.launch_units (decision_id, lead_unit, co_units, basis, named_by, named_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(d.id(), lead, join(co), b, actor.id(), now).update();
        }
        projection.resync(decisions.get(d.id()));
        audit.record(actor, d.id(), d.number(), AuditAction.UNITS_NAMED,
                (co.isEmpty() ? "明确决策承办单位：" + directory.unitName(lead)
                        : "明确牵头决策承办单位：" + directory.unitName(lead) + "；其他承办单位："
                        + String.join("、", co.stream().map(directory::unitName).toList()))
                        + (b == null ? "" : "；依据：" + b) + "（第十二条）");
        return units(d.id()).orElseThrow();
    }

    /**
     * Art. 12: a unit's functions moved to another unit, which becomes the 承办 unit in its place. Recorded
     * with its ground; the open tasks offered to the old unit (and its legal office, its head) move.
     *
     * @return how many open tasks moved
     */
    @Transactional
    public int changeUnit(String number, String fromUnit, String toUnit, String ground) {
        Decision d = decisions.get(number);
        open(d);
        Actor actor = requireOrgan(d, "变更决策承办单位");
        if (ground == null || ground.isBlank()) {
            throw RuleViolation.badRequest("UNIT_CHANGE_GROUND_REQUIRED",
                    "请写明职能调整的依据（如机构改革方案、编制部门文件文号），变更记入办理记录（第十二条）。");
        }
        if (ground.length() > 500) {
            throw RuleViolation.badRequest("REASON_TOO_LONG", "依据不超过500字。");
        }
        String from = fromUnit == null ? "" : fromUnit.strip();
        String to = toUnit == null ? "" : toUnit.strip();
        boolean isLead = from.equals(d.leadUnit());
        if (!isLead && !d.coUnits().contains(from)) {
            throw RuleViolation.badRequest("UNIT_NOT_ASSIGNED", "“" + (from.isEmpty() ? "（未填写）" : nameOrCode(from))
                    + "”不是本事项的决策承办单位，无需变更。");
        }
        OrgUnit target = unitOf(d, to);
        if (to.equals(d.leadUnit()) || d.coUnits().contains(to)) {
            throw RuleViolation.badRequest("UNIT_ALREADY_ASSIGNED", target.name() + "已是本事项的决策承办单位。");
        }
        String lead = isLead ? to : d.leadUnit();
        List<String> co = d.coUnits().stream().map(u -> u.equals(from) ? to : u).toList();
        var now = clock.now();
        repository.setUnits(d.id(), lead, co, now);
        jdbc.sql("UPDATE juece.launch_units SET lead_unit = ?, co_units = ? WHERE decision_id = ?").params(lead, join(co), d.id()).update();
        int moved = projection.resync(decisions.get(d.id()));
        audit.record(actor, d.id(), d.number(), AuditAction.UNIT_CHANGED,
                (isLead ? "牵头决策承办单位" : "决策承办单位") + "由" + directory.unitName(from) + "变更为" + target.name()
                        + "（相关职能调整，由继续行使该职能的单位承办，第十二条）；依据：" + ground.strip()
                        + "；" + moved + "个待办环节转由" + target.name() + "办理");
        return moved;
    }

    /** Art. 11: the decision organ's decision whether to launch, with its reason and basis (a row per closing). */
    public record LaunchDecision(long id, long decisionId, StepFact step) {

        public boolean launched() {
            return "LAUNCH".equals(step.outcome());
        }
    }

    void recordDecision(StepCompletion step) {
        launchDecisions.insert(step);
    }

    public List<LaunchDecision> launchDecisions(long decisionId) {
        return launchDecisions.of(decisionId);
    }

    @Override
    public List<DossierFact> facts(Decision d) {
        return launchDecisions(d.id()).stream()
                .map(x -> DossierFact.of("LAUNCH_DECISION", "决定是否启动", "第十一条", Stage.LAUNCH.number(), x.step(), null))
                .toList();
    }

    public Optional<LaunchUnits> units(long decisionId) {
        return jdbc.sql("SELECT decision_id, lead_unit, co_units, basis, named_by, named_at FROM juece.launch_units WHERE decision_id = ?")
                .param(decisionId)
                .query((rs, i) -> new LaunchUnits(rs.getLong(1), rs.getString(2), split(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getObject(6, java.time.OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime()))
                .optional();
    }

    /** Art. 12: with two or more 承办 units, the organ has named the lead one. */
    /**
     * Art. 12: the lead unit is named, by the organ at the launch, or already in the annual catalogue item the
     * matter was registered from (the catalogue is confirmed by the decision organ, Art. 4).
     */
    public boolean leadNamed(Decision d) {
        return d.coUnits().isEmpty() || units(d.id()).map(u -> u.leadUnit().equals(d.leadUnit())).orElse(false)
                || jdbc.sql("SELECT COUNT(*) FROM juece.catalogue_item WHERE decision_id = ? AND lead_unit = ?")
                        .params(d.id(), d.leadUnit()).query(Long.class).single() > 0;
    }

    /** Art. 12: the decision organ names and changes the 承办 units (an administrator may record a change too). */
    private Actor requireOrgan(Decision d, String act) {
        Actor actor = directory.currentActor();
        if (actor.groups().contains(Groups.ADMIN)) {
            return actor;
        }
        return access.require(d, act, "第十二条", Responsible.DECISION_ORGAN);
    }

    /** Whether the person acting now may name or change the decision's 承办 units (Art. 12): the decision organ, administrators. */
    public boolean mayNameUnits(Decision d) {
        return d.isOpen() && (directory.currentActor().groups().contains(Groups.ADMIN) || access.mayAct(d, Responsible.DECISION_ORGAN));
    }

    private OrgUnit unitOf(Decision d, String code) {
        return directory.units(d.organCode()).stream().filter(u -> u.code().equals(code)).findFirst()
                .orElseThrow(() -> RuleViolation.badRequest("UNIT_NOT_IN_ORGAN",
                        "单位“" + (code == null || code.isBlank() ? "（未填写）" : code) + "”不是本决策机关的所属部门或下一级人民政府。"));
    }

    private String nameOrCode(String code) {
        try {
            return directory.unitName(code);
        } catch (RuntimeException e) {
            return code;
        }
    }

    private static void open(Decision d) {
        if (!d.isOpen()) {
            throw new RuleViolation("DECISION_CLOSED", "决策事项的程序已结束（" + d.status().label() + "）。");
        }
    }

    private static List<String> concat(String lead, List<String> co) {
        List<String> all = new ArrayList<>();
        all.add(lead);
        all.addAll(co);
        return all;
    }

    private static String join(List<String> units) {
        return units.isEmpty() ? null : String.join(",", units);
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
    }
}
