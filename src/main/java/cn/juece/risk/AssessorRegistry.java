package cn.juece.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * The registry of third-party organisations that may be commissioned to assess risk (Art. 36), kept by the
 * administrators like a small pool: added, corrected, retired (never deleted: an assessment names the organisation
 * that made it). Every change is an audit entry of its own (no decision).
 */
@Service
public class AssessorRegistry {

    /** The audit trail's key for the registry's entries (entries that belong to no decision). */
    static final String AUDIT_KEY = "RISK-ASSESSORS";

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditTrail audit;
    private final AppClock clock;

    AssessorRegistry(JdbcClient jdbc, Directory directory, AuditTrail audit, AppClock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an administrator enters for an organisation. */
    public record Entry(String name, String creditCode, AssessorOrganisation.Kind kind, String contactPerson,
                        String contactPhone, String declaredTies, Boolean active) {
    }

    public List<AssessorOrganisation> list(boolean activeOnly) {
        return jdbc.sql("SELECT * FROM juece.risk_assessor_org" + (activeOnly ? " WHERE active = TRUE" : "") + " ORDER BY active DESC, name")
                .query(AssessorRegistry::map).list();
    }

    public Optional<AssessorOrganisation> find(long id) {
        return jdbc.sql("SELECT * FROM juece.risk_assessor_org WHERE id = ?").param(id).query(AssessorRegistry::map).optional();
    }

    public AssessorOrganisation get(long id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    static RuleViolation notFound(long id) {
        return RuleViolation.notFound("RISK_ORGANISATION_NOT_FOUND", "第三方评估机构名录中没有编号为" + id + "的机构。");
    }

    @Transactional
    public AssessorOrganisation add(Entry entry) {
        Actor actor = requireAdmin();
        Entry e = validated(entry, null);
        var now = clock.now();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.risk_assessor_org (name, credit_code, kind, contact_person, contact_phone, declared_ties, active,
                                                     created_by, created_at, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.name(), e.creditCode(), e.kind().name(), e.contactPerson(), e.contactPhone(), e.declaredTies(),
                        e.active() == null || e.active(), actor.id(), now, actor.id(), now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        AssessorOrganisation o = get(id);
        audit.record(actor, null, AUDIT_KEY, AuditAction.RISK_ORGANISATION_CHANGED,
                "第三方评估机构名录增加：" + describe(o));
        return o;
    }

    @Transactional
    public AssessorOrganisation update(long id, Entry entry) {
        Actor actor = requireAdmin();
        AssessorOrganisation before = get(id);
        Entry e = validated(entry, id);
        boolean active = e.active() == null ? before.active() : e.active();
        jdbc.sql("""
                UPDATE juece.risk_assessor_org SET name = ?, credit_code = ?, kind = ?, contact_person = ?, contact_phone = ?,
                       declared_ties = ?, active = ?, updated_by = ?, updated_at = ? WHERE id = ?""")
                .params(e.name(), e.creditCode(), e.kind().name(), e.contactPerson(), e.contactPhone(), e.declaredTies(), active,
                        actor.id(), clock.now(), id)
                .update();
        AssessorOrganisation after = get(id);
        audit.record(actor, null, AUDIT_KEY, AuditAction.RISK_ORGANISATION_CHANGED,
                "第三方评估机构名录修改：" + describe(before) + " → " + describe(after));
        return after;
    }

    /** The registry's own trail (who added, corrected or retired which organisation). */
    public List<cn.juece.audit.AuditEntry> trail() {
        return audit.forKey(AUDIT_KEY);
    }

    private Actor requireAdmin() {
        Actor actor = directory.currentActor();
        if (!actor.isSystem() && !actor.groups().contains(Groups.ADMIN)) {
            throw RuleViolation.forbidden("RISK_ORGANISATION_ADMIN_ONLY",
                    "第三方评估机构名录由系统管理员维护（第三十六条），您（" + actor.name() + "）可以查阅名录，不能修改。");
        }
        return actor;
    }

    private Entry validated(Entry e, Long id) {
        if (e == null) {
            throw RuleViolation.badRequest("RISK_ORGANISATION_INCOMPLETE", "请填写机构名称、统一社会信用代码、类别、联系人和联系电话。");
        }
        String name = text(e.name(), 200, "机构名称");
        String code = e.creditCode() == null ? null : e.creditCode().strip().toUpperCase(Locale.ROOT);
        String person = text(e.contactPerson(), 100, "联系人");
        String phone = text(e.contactPhone(), 50, "联系电话");
        String ties = text(e.declaredTies(), 1000, "声明的关联关系");
        List<String> missing = new java.util.ArrayList<>();
        if (name == null) missing.add("机构名称");
        if (code == null || code.isEmpty()) missing.add("统一社会信用代码");
        if (e.kind() == null) missing.add("类别（专业机构、社会组织或其他第三方机构）");
        if (person == null) missing.add("联系人");
        if (phone == null) missing.add("联系电话");
        if (!missing.isEmpty()) {
            throw RuleViolation.badRequest("RISK_ORGANISATION_INCOMPLETE", "请填写：" + String.join("、", missing) + "。");
        }
        if (!CreditCodes.valid(code)) {
            throw RuleViolation.badRequest("CREDIT_CODE_INVALID", "统一社会信用代码“" + code
                    + "”无效：应为18位数字或大写字母（不含I、O、S、V、Z），且末位校验码正确（GB 32100-2015）。请核对营业执照或登记证书。");
        }
        boolean taken = (id == null
                ? jdbc.sql("SELECT COUNT(*) FROM juece.risk_assessor_org WHERE credit_code = ?").param(code)
                : jdbc.sql("SELECT COUNT(*) FROM juece.risk_assessor_org WHERE credit_code = ? AND id <> ?").params(code, id))
                .query(Long.class).single() > 0;
        if (taken) {
            throw new RuleViolation(org.springframework.http.HttpStatus.CONFLICT, "CREDIT_CODE_TAKEN",
                    "统一社会信用代码为" + code + "的机构已在名录中，请修改该机构的信息，不要重复登记。");
        }
        return new Entry(name, code, e.kind(), person, phone, ties, e.active());
    }

    static String describe(AssessorOrganisation o) {
        return o.name() + "（" + o.kind().label() + "，统一社会信用代码 " + o.creditCode() + "，联系人 " + o.contactPerson() + " "
                + o.contactPhone() + (o.declaredTies() == null ? "，未声明关联关系" : "，声明的关联关系：" + o.declaredTies())
                + (o.active() ? "，可委托" : "，已停用") + "）";
    }

    private static String text(String s, int max, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (t.length() > max) {
            throw RuleViolation.badRequest("TEXT_TOO_LONG", what + "不超过" + max + "字。");
        }
        return t;
    }

    private static AssessorOrganisation map(ResultSet rs, int row) throws SQLException {
        return new AssessorOrganisation(rs.getLong("id"), rs.getString("name"), rs.getString("credit_code"),
                AssessorOrganisation.Kind.valueOf(rs.getString("kind")), rs.getString("contact_person"), rs.getString("contact_phone"),
                rs.getString("declared_ties"), rs.getBoolean("active"), rs.getString("created_by"), time(rs, "created_at"),
                rs.getString("updated_by"), time(rs, "updated_at"));
    }

    static java.time.OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        var t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}
