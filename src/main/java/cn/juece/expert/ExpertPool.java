package cn.juece.expert;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * The expert pool (专家库) the decision organ may keep with dynamic management (Art. 32), kept by administrators:
 * experts with their organisation, title, fields (from a managed list), type (Art. 31), contact details, declared
 * interests and affiliations, active or not; a bulk import from .xlsx or .csv where a row with an error imports
 * nothing and says which row and column. Contact details are personal information: only administrators (here) and
 * the matter's lead unit ({@link ExpertReviewService}) read them. Changes are audited outside any decision.
 */
@Service
public class ExpertPool {

    static final String AUDIT_KEY = "EXPERT-POOL";

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditTrail audit;
    private final AppClock clock;

    ExpertPool(JdbcClient jdbc, Directory directory, AuditTrail audit, AppClock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** One field of the managed list. */
    public record Field(long id, String name, boolean active) {
    }

    /** The result of an import: how many experts were added, and each problem by row and column. */
    public record ImportResult(int imported, int rows, List<RowProblem> problems) {
    }

    /** A problem of one imported row: its number as the sheet shows it, the column, what is wrong. */
    public record RowProblem(int row, String column, String message) {

        public String text() {
            return "第" + row + "行“" + column + "”：" + message;
        }
    }

    public boolean isAdmin(Actor actor) {
        return actor.isSystem() || actor.groups().contains(Groups.ADMIN);
    }

    Actor requireAdmin(String what) {
        Actor actor = directory.currentActor();
        if (!isAdmin(actor)) {
            throw RuleViolation.forbidden("EXPERT_POOL_ADMIN_ONLY", what + "由系统管理员办理（第三十二条：专家库实行动态管理），您（" + actor.name() + "）无权办理。");
        }
        return actor;
    }

    // ---- fields ----

    public List<Field> fields() {
        return jdbc.sql("SELECT id, name, active FROM juece.expert_field ORDER BY id").query(cn.juece.support.RecordRows.of(Field.class)).list();
    }

    Set<String> activeFieldNames() {
        Set<String> names = new LinkedHashSet<>();
        fields().stream().filter(Field::active).forEach(f -> names.add(f.name()));
        return names;
    }

    @Transactional
    public Field addField(String name) {
        Actor actor = requireAdmin("维护专业领域清单");
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 64) {
            throw RuleViolation.badRequest("EXPERT_FIELD_NAME_INVALID", "请填写专业领域名称（不超过64字）。");
        }
        if (fields().stream().anyMatch(f -> f.name().equals(n))) {
            throw new RuleViolation("EXPERT_FIELD_EXISTS", "专业领域“" + n + "”已在清单中。");
        }
        jdbc.sql("INSERT INTO juece.expert_field (name, active, updated_by, updated_at) VALUES (?, TRUE, ?, ?)")
                .params(n, actor.id(), clock.now()).update();
        audit.record(actor, null, AUDIT_KEY, AuditAction.EXPERT_POOL_CHANGED, "专业领域清单增加“" + n + "”");
        return fields().stream().filter(f -> f.name().equals(n)).findFirst().orElseThrow();
    }

    /** A field no longer offered for new experts and matters; those that have it keep it. */
    @Transactional
    public Field setFieldActive(long id, boolean active) {
        Actor actor = requireAdmin("维护专业领域清单");
        Field f = fields().stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> RuleViolation.notFound("EXPERT_FIELD_NOT_FOUND", "专业领域不存在：" + id));
        jdbc.sql("UPDATE juece.expert_field SET active = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                .params(active, actor.id(), clock.now(), id).update();
        audit.record(actor, null, AUDIT_KEY, AuditAction.EXPERT_POOL_CHANGED, "专业领域“" + f.name() + "”" + (active ? "恢复使用" : "停用"));
        return new Field(id, f.name(), active);
    }

    /** On first start: the default list of fields when the table is empty (afterwards the database is the truth). */
    @Transactional
    void seedFields(List<String> names) {
        if (jdbc.sql("SELECT COUNT(*) FROM juece.expert_field").query(Long.class).single() > 0) {
            return;
        }
        for (String n : new LinkedHashSet<>(names)) {
            jdbc.sql("INSERT INTO juece.expert_field (name, active, updated_by, updated_at) VALUES (?, TRUE, ?, ?)")
                    .params(n.strip(), Actor.SYSTEM_ID, clock.now()).update();
        }
    }

    // ---- experts ----

    /** The pool (experts added to one matter only are not in it), contacts only for administrators. */
    public List<Expert> list() {
        boolean contacts = isAdmin(directory.currentActor());
        return load("WHERE e.in_pool = TRUE", List.of()).stream().map(e -> contacts ? e : e.withoutContacts()).toList();
    }

    /** When the pool (its experts or its list of fields) last changed. */
    public Optional<OffsetDateTime> lastUpdated() {
        // MAX over no rows is one NULL row: read it as a value that may be null (an empty pool is not an error)
        OffsetDateTime experts = jdbc.sql("SELECT MAX(updated_at) FROM juece.expert WHERE in_pool = TRUE")
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).list().get(0);
        OffsetDateTime fields = jdbc.sql("SELECT MAX(updated_at) FROM juece.expert_field")
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).list().get(0);
        OffsetDateTime last = experts == null ? fields : fields == null || experts.isAfter(fields) ? experts : fields;
        return Optional.ofNullable(last).map(t -> t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime());
    }

    /** An expert, with contacts for administrators only (the lead unit reads its panel's through the review). */
    public Expert get(long id) {
        boolean admin = isAdmin(directory.currentActor());
        // an expert added to one matter from outside the pool is that matter's (its expert page), not the pool's
        Expert e = find(id).filter(x -> x.inPool() || admin).orElseThrow(() -> notFound(id));
        return admin ? e : e.withoutContacts();
    }

    static RuleViolation notFound(Object id) {
        return RuleViolation.notFound("EXPERT_NOT_FOUND", "专家不存在：" + id);
    }

    Optional<Expert> find(long id) {
        return load("WHERE e.id = ?", List.of(id)).stream().findFirst();
    }

    Map<Long, Expert> byIds(Collection<Long> ids) {
        Map<Long, Expert> m = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            load("WHERE e.id IN (" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")", List.of())
                    .forEach(e -> m.put(e.id(), e));
        }
        return m;
    }

    /** The active experts of the pool, in id order: the candidates of a draw. */
    List<Expert> activePool() {
        return load("WHERE e.in_pool = TRUE AND e.active = TRUE", List.of());
    }

    @Transactional
    public Expert create(ExpertInput input) {
        Actor actor = requireAdmin("维护专家库");
        ExpertInput.Checked c = checked(input);
        long id = insert(c, true, null, actor);
        audit.record(actor, null, AUDIT_KEY, AuditAction.EXPERT_POOL_CHANGED, "专家库增加专家：" + c.name() + "（" + c.organisation() + "，"
                + c.type().label() + "）");
        return find(id).orElseThrow();
    }

    @Transactional
    public Expert update(long id, ExpertInput input) {
        Actor actor = requireAdmin("维护专家库");
        Expert before = find(id).filter(Expert::inPool).orElseThrow(() -> notFound(id));
        ExpertInput.Checked c = checked(input);
        jdbc.sql("""
                UPDATE juece.expert SET name = ?, organisation = ?, title = ?, expert_type = ?, phone = ?, email = ?, interests = ?,
                    active = ?, updated_by = ?, updated_at = ? WHERE id = ?""")
                .params(c.name(), c.organisation(), c.title(), c.type().name(), c.phone(), c.email(), c.interests(), c.active(),
                        actor.id(), clock.now(), id).update();
        writeLists(id, c);
        audit.record(actor, null, AUDIT_KEY, AuditAction.EXPERT_POOL_CHANGED, "修改专家库专家：" + before.name() + "（编号" + id + "）"
                + (before.active() != c.active() ? (c.active() ? "，恢复为在库" : "，停用") : ""));
        return find(id).orElseThrow();
    }

    /** An expert outside the pool, added to one matter with their details (a pool is an aid, not a limit). */
    long createForDecision(Decision d, ExpertInput input, Actor actor) {
        ExpertInput.Checked c = checked(input);
        return insert(c, false, d.id(), actor);
    }

    private ExpertInput.Checked checked(ExpertInput input) {
        if (input == null) {
            throw RuleViolation.badRequest("EXPERT_INPUT_MISSING", "请填写专家信息。");
        }
        return input.check(activeFieldNames()).valid();
    }

    private long insert(ExpertInput.Checked c, boolean inPool, Long forDecision, Actor actor) {
        var keys = new GeneratedKeyHolder();
        OffsetDateTime now = clock.now();
        jdbc.sql("""
                INSERT INTO juece.expert (name, organisation, title, expert_type, phone, email, interests, active, in_pool,
                    for_decision_id, created_by, created_at, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.name(), c.organisation(), c.title(), c.type().name(), c.phone(), c.email(), c.interests(), c.active(),
                        inPool, forDecision, actor.id(), now, actor.id(), now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        writeLists(id, c);
        return id;
    }

    private void writeLists(long id, ExpertInput.Checked c) {
        jdbc.sql("DELETE FROM juece.expert_expertise WHERE expert_id = ?").param(id).update();
        jdbc.sql("DELETE FROM juece.expert_affiliation WHERE expert_id = ?").param(id).update();
        Map<String, Long> fieldIds = new HashMap<>();
        fields().forEach(f -> fieldIds.put(f.name(), f.id()));
        for (String f : c.fields()) {
            jdbc.sql("INSERT INTO juece.expert_expertise (expert_id, field_id) VALUES (?, ?)").params(id, fieldIds.get(f)).update();
        }
        for (String a : c.affiliations()) {
            jdbc.sql("INSERT INTO juece.expert_affiliation (expert_id, organisation) VALUES (?, ?)").params(id, a).update();
        }
    }

    /**
     * Bulk import (Art. 32) from .xlsx or .csv: every row is checked; a row with an error imports nothing and is
     * reported by row and column; the other rows are added to the pool, all in one transaction.
     */
    @Transactional
    public ImportResult importFile(String fileName, byte[] bytes) {
        Actor actor = requireAdmin("导入专家名单");
        List<ExpertSheet.Line> lines = ExpertSheet.read(fileName, bytes);
        Set<String> known = activeFieldNames();
        List<RowProblem> problems = new ArrayList<>();
        int imported = 0;
        for (ExpertSheet.Line line : lines) {
            Map<String, String> v = line.values();
            String status = v.getOrDefault("状态", "").strip();
            List<RowProblem> rowProblems = new ArrayList<>();
            if (!status.isEmpty() && !List.of("在库", "启用", "有效", "停用", "无效").contains(status)) {
                rowProblems.add(new RowProblem(line.number(), "状态", "“" + status + "”应为“在库”或“停用”"));
            }
            ExpertInput input = new ExpertInput(v.get("姓名"), v.get("工作单位"), v.get("职称职务"), v.get("专家类别"), v.get("联系电话"),
                    v.get("电子邮箱"), v.get("利益声明"), ExpertInput.split(v.get("任职或关联单位")), ExpertInput.split(v.get("专业领域")),
                    !List.of("停用", "无效").contains(status));
            ExpertInput.Checked c = input.check(known);
            c.problems().forEach(p -> rowProblems.add(new RowProblem(line.number(), p.column(), p.message())));
            if (!rowProblems.isEmpty()) {
                problems.addAll(rowProblems);
                continue;
            }
            insert(c, true, null, actor);
            imported++;
        }
        audit.record(actor, null, AUDIT_KEY, AuditAction.EXPERT_POOL_CHANGED, "从“" + fileName + "”导入专家" + imported + "人（共"
                + lines.size() + "行，" + problems.stream().map(RowProblem::row).distinct().count() + "行有误未导入）");
        return new ImportResult(imported, lines.size(), problems);
    }

    private List<Expert> load(String where, List<Object> params) {
        Map<Long, List<String>> fieldsOf = new HashMap<>();
        Map<Long, List<String>> affiliationsOf = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        jdbc.sql("""
                SELECT e.id, e.name, e.organisation, e.title, e.expert_type, e.phone, e.email, e.interests, e.active, e.in_pool,
                       e.for_decision_id, e.updated_at FROM juece.expert e""" + " " + where + " ORDER BY e.id")
                .params(params)
                .query((RowCallbackHandler) rs -> rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getBoolean(10),
                        rs.getObject(11, Long.class), rs.getObject(12, OffsetDateTime.class)}));
        if (rows.isEmpty()) {
            return List.of();
        }
        String ids = String.join(",", rows.stream().map(r -> String.valueOf(r[0])).toList());
        jdbc.sql("SELECT x.expert_id, f.name FROM juece.expert_expertise x JOIN juece.expert_field f ON f.id = x.field_id WHERE x.expert_id IN ("
                        + ids + ") ORDER BY f.id")
                .query((RowCallbackHandler) rs -> fieldsOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
        jdbc.sql("SELECT expert_id, organisation FROM juece.expert_affiliation WHERE expert_id IN (" + ids + ") ORDER BY id")
                .query((RowCallbackHandler) rs -> affiliationsOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
        return rows.stream().map(r -> {
            long id = (Long) r[0];
            OffsetDateTime at = (OffsetDateTime) r[11];
            return new Expert(id, (String) r[1], (String) r[2], (String) r[3], PanelDraw.Type.valueOf((String) r[4]), (String) r[5],
                    (String) r[6], (String) r[7], List.copyOf(affiliationsOf.getOrDefault(id, List.of())),
                    List.copyOf(fieldsOf.getOrDefault(id, List.of())), (Boolean) r[8], (Boolean) r[9], (Long) r[10],
                    at.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime(), true);
        }).toList();
    }
}
