package cn.juece.drafting;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.access.EngineGrants;
import cn.juece.access.Responsible;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.Stage;
import cn.juece.drafting.DraftingRecord.DrafterMode;
import cn.juece.drafting.DraftingRecord.LegalVoice;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.identity.OrgUnit;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * Stage 3 (Art. 13-16): who drafts, the questions deciding the reviews, the cost-benefit report, the
 * opinions heard at the initial legality review, and the consultation of affected units.
 */
@Service
public class DraftingService {

    static final int MAX_TEXT = 2000;
    static final String CONSULT_TASK = "drafting-consult";

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final Directory directory;
    private final DecisionAccess access;
    private final EngineGrants grants;
    private final AuditTrail audit;
    private final TaskService taskService;
    private final AppClock clock;

    DraftingService(JdbcClient jdbc, DecisionService decisions, Directory directory, DecisionAccess access, EngineGrants grants, AuditTrail audit,
                    TaskService taskService, AppClock clock) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.directory = directory;
        this.access = access;
        this.grants = grants;
        this.audit = audit;
        this.taskService = taskService;
        this.clock = clock;
    }

    /** Art. 13: drafted by the lead unit itself or commissioned to named experts or a professional organisation. */
    @Transactional
    public DraftingRecord recordDrafter(String number, DrafterMode mode, String organisation) {
        Decision d = drafting(number);
        Actor actor = requireLead(d);
        if (mode == null) {
            throw RuleViolation.badRequest("DRAFTER_MODE_REQUIRED", "请选择起草方式：自行起草或委托起草（第十三条）。");
        }
        String org = text(organisation, 200, "受委托专家或专业机构名称");
        if (mode == DrafterMode.COMMISSIONED && org == null) {
            throw RuleViolation.badRequest("COMMISSIONED_ORG_REQUIRED", "委托起草的，请写明受委托的专家或者专业机构名称（第十三条）。");
        }
        ensureRow(d.id());
        jdbc.sql("UPDATE juece.drafting_record SET drafter_mode = ?, commissioned_org = ?, updated_by = ?, updated_at = ? WHERE decision_id = ?")
                .params(mode.name(), mode == DrafterMode.COMMISSIONED ? org : null, actor.id(), clock.now(), d.id()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.DRAFTING_RECORDED,
                "起草方式：" + mode.label() + (mode == DrafterMode.COMMISSIONED ? "，受委托方：" + org : "") + "（第十三条）");
        return record(d.id());
    }

    /** Art. 14: the two questions deciding whether fair competition and trade policy reviews are required. */
    @Transactional
    public DraftingRecord answerQuestions(String number, Boolean touchesMarket, Boolean touchesTrade) {
        Decision d = drafting(number);
        Actor actor = requireLead(d);
        if (touchesMarket == null || touchesTrade == null) {
            throw RuleViolation.badRequest("REVIEW_QUESTIONS_UNANSWERED",
                    "请回答两个问题：决策草案是否涉及市场主体经济活动；是否有关或者影响货物贸易、服务贸易以及与贸易有关的知识产权（第十四条）。");
        }
        ensureRow(d.id());
        jdbc.sql("UPDATE juece.drafting_record SET touches_market = ?, touches_trade = ?, updated_by = ?, updated_at = ? WHERE decision_id = ?")
                .params(touchesMarket, touchesTrade, actor.id(), clock.now(), d.id()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.DRAFTING_RECORDED,
                (touchesMarket ? "涉及市场主体经济活动，应当进行公平竞争审查" : "不涉及市场主体经济活动，无需公平竞争审查") + "；"
                        + (touchesTrade ? "有关或者影响货物贸易、服务贸易或与贸易有关的知识产权，应当进行贸易政策合规审查" : "不涉及贸易，无需贸易政策合规审查")
                        + "（第十四条）");
        return record(d.id());
    }

    /** Art. 15: the optional cost-benefit report; when made, all four parts. */
    @Transactional
    public DraftingRecord recordCostBenefit(String number, String basicInfo, String method, String conclusion, String effect) {
        Decision d = drafting(number);
        Actor actor = requireLead(d);
        String a = text(basicInfo, MAX_TEXT, "基本情况及数据来源"), b = text(method, MAX_TEXT, "分析预测方法和过程"),
                c = text(conclusion, MAX_TEXT, "分析预测结论"), e = text(effect, MAX_TEXT, "结论对决策事项的影响");
        List<String> missing = new java.util.ArrayList<>();
        if (a == null) missing.add("基本情况及数据来源");
        if (b == null) missing.add("分析预测方法和过程");
        if (c == null) missing.add("分析预测结论");
        if (e == null) missing.add("结论对决策事项的影响");
        if (!missing.isEmpty()) {
            throw RuleViolation.badRequest("COST_BENEFIT_INCOMPLETE",
                    "成本效益分析预测报告应当包括基本情况及数据来源、分析预测方法和过程、分析预测结论及其对决策事项的影响；尚缺："
                            + String.join("、", missing) + "（第十五条）。");
        }
        ensureRow(d.id());
        jdbc.sql("""
                UPDATE juece.drafting_record SET cost_basic_info = ?, cost_method = ?, cost_conclusion = ?, cost_effect = ?,
                       updated_by = ?, updated_at = ? WHERE decision_id = ?""")
                .params(a, b, c, e, actor.id(), clock.now(), d.id()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.DRAFTING_RECORDED, "记录成本效益分析预测：结论：" + c + "（第十五条）");
        return record(d.id());
    }

    /** Art. 14: the legal office hears both legal advisers and public lawyers; each opinion is recorded. */
    @Transactional
    public DraftingRecord recordLegalOpinion(String number, LegalVoice voice, String name, String opinion) {
        Decision d = drafting(number);
        Actor actor = access.require(d, "听取并记录法律顾问、公职律师的意见", "第十四条", Responsible.LEAD_UNIT_LEGAL);
        if (voice == null) {
            throw RuleViolation.badRequest("LEGAL_VOICE_INVALID", "请选择：法律顾问（LEGAL_ADVISER）或公职律师（PUBLIC_LAWYER）。");
        }
        String who = text(name, 100, voice.label() + "姓名");
        String o = text(opinion, MAX_TEXT, voice.label() + "意见");
        if (o == null) {
            throw RuleViolation.badRequest("LEGAL_OPINION_REQUIRED", "请填写" + voice.label() + "的意见（第十四条）。");
        }
        ensureRow(d.id());
        String col = voice == LegalVoice.LEGAL_ADVISER ? "legal_adviser" : "public_lawyer";
        jdbc.sql("UPDATE juece.drafting_record SET " + col + "_opinion = ?, " + col + "_name = ?, updated_by = ?, updated_at = ? WHERE decision_id = ?")
                .params(o, who, actor.id(), clock.now(), d.id()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.LEGAL_OPINION_RECORDED,
                "合法性初审听取" + voice.label() + (who == null ? "" : "（" + who + "）") + "意见：" + o + "（第十四条）");
        return record(d.id());
    }

    /** Art. 16: the departments and township governments whose functions the draft touches. */
    @Transactional
    public List<ConsultationAnswer> consultUnits(String number, List<String> units) {
        Decision d = drafting(number);
        Actor actor = requireLead(d);
        if (taskService.createTaskQuery().processInstanceBusinessKey(d.number()).taskDefinitionKey(CONSULT_TASK).count() > 0) {
            throw new RuleViolation("CONSULTATION_IN_PROGRESS", "征求意见正在进行，不能再修改征求意见单位（第十六条）。");
        }
        List<String> list = units == null ? List.of() : units.stream().filter(u -> u != null && !u.isBlank()).map(String::strip).toList();
        if (new LinkedHashSet<>(list).size() != list.size()) {
            throw RuleViolation.badRequest("CONSULTED_UNITS_INVALID", "征求意见单位不能重复。");
        }
        for (String u : list) {
            OrgUnit unit = directory.units(d.organCode()).stream().filter(x -> x.code().equals(u)).findFirst()
                    .orElseThrow(() -> RuleViolation.badRequest("UNIT_NOT_IN_ORGAN", "单位“" + u + "”不是本决策机关的所属部门或下一级人民政府。"));
            if (u.equals(d.leadUnit())) {
                throw RuleViolation.badRequest("CONSULTED_UNITS_INVALID", unit.name() + "是牵头决策承办单位，无需征求其意见。");
            }
        }
        jdbc.sql("DELETE FROM juece.consultation WHERE decision_id = ?").param(d.id()).update();
        for (String u : list) {
            jdbc.sql("INSERT INTO juece.consultation (decision_id, unit_code) VALUES (?, ?)").params(d.id(), u).update();
        }
        audit.record(actor, d.id(), d.number(), AuditAction.CONSULTATION_RECORDED, list.isEmpty()
                ? "不涉及其他部门、下级人民政府职责，无需征求意见（第十六条）"
                : "征求意见单位：" + String.join("、", list.stream().map(directory::unitName).toList()) + "（第十六条）");
        grants.sync(d);
        return consultation(d.id());
    }

    /** Art. 16: the lead unit's position and reasons on a unit's disagreement, for the decision organ. */
    @Transactional
    public List<ConsultationAnswer> leadPosition(String number, String unit, String position, boolean settled) {
        Decision d = drafting(number);
        Actor actor = requireLead(d);
        ConsultationAnswer a = consultation(d.id()).stream().filter(c -> c.unitCode().equals(unit) && c.disagrees()).findFirst()
                .orElseThrow(() -> RuleViolation.badRequest("NO_DISAGREEMENT", "“" + unit + "”没有提出不同意见，无需说明（第十六条）。"));
        String p = text(position, MAX_TEXT, "承办单位意见");
        if (p == null) {
            throw RuleViolation.badRequest("POSITION_REQUIRED", settled
                    ? "请写明与该单位协商一致的结果（第十六条）。"
                    : "请写明承办单位对该不同意见的意见及理由（第十六条）。");
        }
        jdbc.sql("UPDATE juece.consultation SET lead_position = ?, settled = ? WHERE id = ?").params(p, settled, a.id()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.CONSULTATION_RECORDED, settled
                ? "与" + directory.unitName(unit) + "协商一致：" + p + "（第十六条）"
                : "对" + directory.unitName(unit) + "不同意见的承办单位意见及理由：" + p + "（第十六条）");
        return consultation(d.id());
    }

    /** A consulted unit's answer, when its consultation task closes. */
    void answer(long decisionId, String decisionNumber, String unit, String outcome, String opinion) {
        String o = opinion == null || opinion.isBlank() ? null : opinion.strip();
        jdbc.sql("UPDATE juece.consultation SET answer = ?, opinion = ?, answered_by = ?, answered_at = ?, lead_position = NULL, settled = FALSE WHERE decision_id = ? AND unit_code = ?")
                .params(outcome, o, directory.currentActor().id(), clock.now(), decisionId, unit).update();
    }

    public List<ConsultationAnswer> consultation(long decisionId) {
        return jdbc.sql("""
                SELECT id, decision_id, unit_code, answer, opinion, answered_by, answered_at, lead_position, settled
                FROM juece.consultation WHERE decision_id = ? ORDER BY id""").param(decisionId)
                .query((rs, i) -> new ConsultationAnswer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), time(rs.getObject(7, OffsetDateTime.class)), rs.getString(8), rs.getBoolean(9)))
                .list();
    }

    public List<ConsultationAnswer> disagreements(long decisionId) {
        return consultation(decisionId).stream().filter(ConsultationAnswer::disagrees).toList();
    }

    public List<ConsultationAnswer> unresolved(long decisionId) {
        return consultation(decisionId).stream().filter(ConsultationAnswer::unresolved).toList();
    }

    public DraftingRecord record(long decisionId) {
        return jdbc.sql("""
                SELECT decision_id, drafter_mode, commissioned_org, touches_market, touches_trade, cost_basic_info, cost_method,
                       cost_conclusion, cost_effect, legal_adviser_opinion, legal_adviser_name, public_lawyer_opinion,
                       public_lawyer_name, updated_by, updated_at
                FROM juece.drafting_record WHERE decision_id = ?""").param(decisionId)
                .query((rs, i) -> new DraftingRecord(rs.getLong(1),
                        rs.getString(2) == null ? null : DrafterMode.valueOf(rs.getString(2)), rs.getString(3),
                        (Boolean) rs.getObject(4), (Boolean) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                        time(rs.getObject(15, OffsetDateTime.class))))
                .optional().orElse(DraftingRecord.empty(decisionId));
    }

    private Decision drafting(String number) {
        Decision d = decisions.get(number);
        if (!d.isOpen()) {
            throw new RuleViolation("DECISION_CLOSED", "决策事项的程序已结束（" + d.status().label() + "）。");
        }
        if (d.stage() != Stage.DRAFTING) {
            throw new RuleViolation("NOT_IN_DRAFTING", "该记录在草案拟定阶段办理；该事项当前处于“" + d.stage().label() + "”阶段。");
        }
        return d;
    }

    private Actor requireLead(Decision d) {
        return access.require(d, "草案拟定", "第十三条", Responsible.LEAD_UNIT);
    }

    private void ensureRow(long decisionId) {
        Integer n = jdbc.sql("SELECT COUNT(*) FROM juece.drafting_record WHERE decision_id = ?").param(decisionId).query(Integer.class).single();
        if (n == 0) {
            jdbc.sql("INSERT INTO juece.drafting_record (decision_id) VALUES (?)").param(decisionId).update();
        }
    }

    private static String text(String s, int max, String what) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > max) {
            throw RuleViolation.badRequest("TEXT_TOO_LONG", what + "不超过" + max + "字；详细内容请作为材料上传。");
        }
        return s.strip();
    }

    private static OffsetDateTime time(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}
