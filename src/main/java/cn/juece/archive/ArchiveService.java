package cn.juece.archive;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.Stage;
import cn.juece.dossier.DossierFact;
import cn.juece.dossier.FactSource;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.dossier.MaterialService;
import cn.juece.workflow.Step;
import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepFact;
import cn.juece.workflow.Steps;
import java.util.ArrayList;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Stage 12, the archive (Art. 59): the government office records the archive number (档案号) of the dossier
 * before it files it; archive-file cannot close without one (ArchiveGates), and its closing is written to the
 * same row (DECISIONS.md 25). An archive number is used once per deciding organ.
 */
@Service
public class ArchiveService implements FactSource {

    static final String FILE_TASK = "archive-file";
    static final int MAX_NUMBER = 64;
    static final int MAX_NOTE = 500;

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final Directory directory;
    private final AuditTrail audit;
    private final AppClock clock;
    private final ObjectProvider<ArchiveRequirements> requirements;
    private final Steps steps;
    private final MaterialService materials;

    ArchiveService(JdbcClient jdbc, DecisionService decisions, Directory directory, AuditTrail audit, AppClock clock,
                   ObjectProvider<ArchiveRequirements> requirements, Steps steps, MaterialService materials) {
        this.requirements = requirements;
        this.steps = steps;
        this.materials = materials;
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Art. 59: the archive number and the office's note, who recorded them when, and (once archive-file closed)
     * that step's identity.
     *
     * @param filing archive-file's step, or null while the dossier is not yet filed
     */
    public record ArchiveRecord(long decisionId, String archiveNumber, String note, String recordedBy,
                                OffsetDateTime recordedAt, StepFact filing) {

        public boolean filed() {
            return filing != null;
        }
    }

    // ---- completeness (Art. 59) -------------------------------------------------------------------------------

    /**
     * What this dossier must hold before it is filed, from the path the matter actually took (the steps it completed,
     * the stages it entered, how it ended), each with whether it is there.
     */
    public List<ArchiveRequirements.Item> completeness(Decision d) {
        List<Step> done = steps.ofDecision(d.id()).stream().filter(s -> s.state() == Step.State.COMPLETED).toList();
        List<Stage> entered = decisions.stageEntries(d.id()).stream().map(DecisionService.StageEntry::stage).distinct().toList();
        var ctx = new ArchiveRequirements.Context(d, done, entered, decisions.ending(d.id()).map(DecisionService.Ending::status).orElse(null),
                materials.materials(d.id()));
        return requirements.orderedStream().flatMap(r -> r.required(ctx).stream()).toList();
    }

    /** Everything still missing, the archive number included (one list, for one refusal). */
    public List<String> missing(Decision d) {
        List<String> missing = new ArrayList<>(completeness(d).stream().filter(i -> !i.present())
                .map(i -> i.what() + "（" + i.article() + "；" + i.because() + "）").toList());
        if (record(d.id()).isEmpty()) {
            missing.add("档案号（第五十九条；由" + officeName(d) + "记录）");
        }
        return missing;
    }

    /** Whether the person may record the number now: the government office, at the archive stage (Art. 59). */
    public boolean mayRecord(Actor actor, Decision d) {
        return d.isOpen() && d.stage() == Stage.ARCHIVE && (actor.isSystem() || isOffice(actor, d));
    }

    /** Records (or corrects, until the dossier is filed) the archive number, by the government office (Art. 59). */
    @Transactional
    public ArchiveRecord recordNumber(String number, String archiveNumber, String note) {
        Decision d = decisions.get(number);
        Actor actor = directory.currentActor();
        if (!actor.isSystem() && !isOffice(actor, d)) {
            throw RuleViolation.forbidden("NOT_GOV_OFFICE", "档案号由" + officeName(d) + "在归档时记录（第五十九条），您（"
                    + actor.name() + "）无权记录。");
        }
        if (!d.isOpen()) {
            throw new RuleViolation("DECISION_CLOSED", "决策事项的程序已结束（" + d.status().label() + "），档案号不能再修改。");
        }
        if (d.stage() != Stage.ARCHIVE) {
            throw new RuleViolation("ARCHIVE_NUMBER_NOT_IN_ARCHIVE",
                    "档案号在“归档”阶段记录（第五十九条）；该事项当前处于“" + d.stage().label() + "”阶段。");
        }
        String n = archiveNumber == null ? "" : archiveNumber.strip();
        if (n.isEmpty()) {
            throw RuleViolation.badRequest("ARCHIVE_NUMBER_REQUIRED", "请填写档案号（第五十九条），如 GX·WS-2026-Y-0012。");
        }
        if (n.length() > MAX_NUMBER) {
            throw RuleViolation.badRequest("ARCHIVE_NUMBER_TOO_LONG", "档案号不超过" + MAX_NUMBER + "个字符。");
        }
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.length() > MAX_NOTE) {
            throw RuleViolation.badRequest("REASON_TOO_LONG", "归档说明不超过" + MAX_NOTE + "字。");
        }
        String holder = jdbc.sql("""
                SELECT d.decision_number FROM juece.archive_record a JOIN juece.decision d ON d.id = a.decision_id
                WHERE a.organ_code = ? AND a.archive_number = ? AND a.decision_id <> ?""")
                .params(d.organCode(), n, d.id()).query(String.class).optional().orElse(null);
        if (holder != null) {
            throw new RuleViolation("ARCHIVE_NUMBER_TAKEN", "档案号“" + n + "”已用于决策事项" + holder + "，请核对后重新填写（第五十九条）。");
        }
        Optional<ArchiveRecord> before = record(d.id());
        var now = clock.now();
        if (before.isPresent()) {
            jdbc.sql("UPDATE juece.archive_record SET archive_number = ?, note = ?, recorded_by = ?, recorded_at = ? WHERE decision_id = ?")
                    .params(n, why, actor.id(), now, d.id()).update();
        } else {
            jdbc.sql("""
                    INSERT INTO juece.archive_record (decision_id, organ_code, archive_number, note, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?)""").params(d.id(), d.organCode(), n, why, actor.id(), now).update();
        }
        audit.record(actor, d.id(), d.number(), AuditAction.ARCHIVE_NUMBER_RECORDED,
                (before.isPresent() ? "修改档案号：" + before.get().archiveNumber() + " → " + n : "记录档案号：" + n)
                        + (why == null ? "" : "；归档说明：" + why) + "（第五十九条）");
        return record(d.id()).orElseThrow();
    }

    /** archive-file closed: its step identity goes on the archive record (the gate made sure there is one). */
    void recordFiled(StepCompletion step) {
        StepFact f = StepFact.of(step);
        jdbc.sql("""
                UPDATE juece.archive_record SET task_id = ?, task_key = ?, round = ?, outcome = ?, outcome_label = ?, reason = ?,
                       acted_by = ?, acted_for = ?, acted_at = ?
                WHERE decision_id = ?""")
                .params(f.taskId(), f.taskKey(), f.round(), f.outcome(), f.outcomeLabel(), f.reason(), f.actedBy(), f.actedFor(),
                        f.actedAt(), step.decision().id())
                .update();
    }

    public Optional<ArchiveRecord> record(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.archive_record WHERE decision_id = ?").param(decisionId)
                .query((rs, i) -> new ArchiveRecord(rs.getLong("decision_id"), rs.getString("archive_number"), rs.getString("note"),
                        rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime(),
                        StepFact.read(rs)))
                .optional();
    }

    @Override
    public List<DossierFact> facts(Decision d) {
        return record(d.id()).map(r -> {
            String detail = "档案号：" + r.archiveNumber() + (r.note() == null ? "" : "；归档说明：" + r.note());
            Object[] data = {"archiveNumber", r.archiveNumber(), "note", r.note(), "recordedBy", r.recordedBy(),
                    "recordedAt", r.recordedAt().toString()};
            if (r.filed()) {
                return DossierFact.of("ARCHIVE_NUMBER", "归档", "第五十九条", Stage.ARCHIVE.number(), r.filing(), detail, data);
            }
            return new DossierFact("ARCHIVE_NUMBER", "归档（已记录档案号）", "第五十九条", Stage.ARCHIVE.number(), null, null, null,
                    null, "已记录档案号，待办理归档", null, detail, DossierFact.map(data), r.recordedBy(), null, null, null,
                    r.recordedAt());
        }).stream().toList();
    }

    private boolean isOffice(Actor actor, Decision d) {
        return actor.groups().contains(Groups.unit(directory.organ(d.organCode()).officeUnit()));
    }

    private String officeName(Decision d) {
        return directory.unitName(directory.organ(d.organCode()).officeUnit());
    }
}
