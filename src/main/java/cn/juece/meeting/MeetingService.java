package cn.juece.meeting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.juece.decision.Decision;
import cn.juece.decision.Stage;
import cn.juece.dossier.DossierFact;
import cn.juece.dossier.FactSource;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.dossier.MaterialVersion;
import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepFact;
import cn.juece.workflow.StepFactTable;

/**
 * Stage 8 (Art. 48-51) as facts of the dossier (DECISIONS.md 25): the executive head's decision after the
 * collective discussion (同意 / 原则同意 / 不同意) with the meeting named in its reason, the date and the meeting
 * record's version; and the revision that follows 原则同意 (DECISIONS.md 5). Members' views by name (Art. 50,
 * 60) will be rows referring to the decision.
 */
@Service
public class MeetingService implements FactSource {

    static final String DECIDE_TASK = "meeting-decide";
    static final String REVISE_TASK = "meeting-revise";

    private final MaterialService materials;
    private final org.springframework.beans.factory.ObjectProvider<MeetingRecords> records;
    private final StepFactTable<MeetingDecision> meetingDecisions;
    private final StepFactTable<Revision> revisions;

    MeetingService(JdbcClient jdbc, MaterialService materials, org.springframework.beans.factory.ObjectProvider<MeetingRecords> records) {
        this.materials = materials;
        this.records = records;
        this.meetingDecisions = new StepFactTable<>(jdbc, "meeting_decision", (rs, id, decisionId, step) ->
                new MeetingDecision(id, decisionId, step, rs.getObject("minutes_version_id", Long.class),
                        rs.getObject("meeting_item_id", Long.class)), "minutes_version_id", "meeting_item_id");
        this.revisions = new StepFactTable<>(jdbc, "meeting_revision", (rs, id, decisionId, step) ->
                new Revision(id, decisionId, step, rs.getObject("meeting_decision_id", Long.class)), "meeting_decision_id");
    }

    /**
     * Art. 50: the result (APPROVED 同意 / APPROVED_IN_PRINCIPLE 原则同意 / REJECTED 不同意), the meeting and reasons
     * as given, the day, and the 会议记录 version in force.
     */
    public record MeetingDecision(long id, long decisionId, StepFact step, Long minutesVersionId, Long meetingItemId) {

        public String result() {
            return step.outcome();
        }

        /** 同意, 原则同意 or 不同意, as the BPMN labels it. */
        public String resultLabel() {
            return step.outcomeLabel();
        }

        /** The result with the meeting as given, e.g. 同意（县政府第15次常务会议）. */
        public String withMeeting() {
            return step.reason() == null ? step.outcomeLabel() : step.outcomeLabel() + "（" + step.reason() + "）";
        }

        public java.time.LocalDate decidedOn() {
            return step.actedAt().toLocalDate();
        }
    }

    /** The lead unit's revision after 原则同意, answering the decision it follows. */
    public record Revision(long id, long decisionId, StepFact step, Long meetingDecisionId) {
    }

    void recordDecision(StepCompletion step) {
        meetingDecisions.insert(step, materials.latest(step.decision().id(), MaterialType.MEETING_MINUTES).map(MaterialVersion::id).orElse(null),
                records.getObject().itemOpenFor(step.decision().id()).map(MeetingRecords.Item::id).orElse(null));
    }

    void recordRevision(StepCompletion step) {
        revisions.insert(step, latestDecision(step.decision().id()).map(MeetingDecision::id).orElse(null));
    }

    public List<MeetingDecision> meetingDecisions(long decisionId) {
        return meetingDecisions.of(decisionId);
    }

    public List<Revision> revisions(long decisionId) {
        return revisions.of(decisionId);
    }

    /** The decision of the latest meeting that discussed the matter. */
    public Optional<MeetingDecision> latestDecision(long decisionId) {
        return meetingDecisions.latest(decisionId);
    }

    public Map<Long, MeetingDecision> latestDecisions(Collection<Long> decisionIds) {
        return meetingDecisions.latest(decisionIds);
    }

    @Override
    public List<DossierFact> facts(Decision d) {
        List<DossierFact> facts = new ArrayList<>();
        for (MeetingDecision m : meetingDecisions(d.id())) {
            facts.add(DossierFact.of("MEETING_DECISION", "集体讨论决定", "第五十条", Stage.MEETING.number(), m.step(),
                    materials.cite(d.id(), m.minutesVersionId()), "minutesVersionId", m.minutesVersionId(),
                    "decidedOn", m.decidedOn().toString(), "meetingItemId", m.meetingItemId()));
        }
        for (Revision r : revisions(d.id())) {
            facts.add(DossierFact.of("MEETING_REVISION", "按会议意见修改", "第五十条", Stage.MEETING.number(), r.step(), null,
                    "meetingDecisionId", r.meetingDecisionId()));
        }
        return facts;
    }
}
