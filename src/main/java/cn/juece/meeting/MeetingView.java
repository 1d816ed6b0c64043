package cn.juece.meeting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.juece.access.DecisionAccess;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.document.DocumentKind;
import cn.juece.document.DocumentService;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.legality.LegalityRecords;
import cn.juece.support.RuleViolation;

/** Meetings as /api and the pages show them, for the organ-wide roles that see every decision (DECISIONS.md 23). */
@Component
class MeetingView {

    private final MeetingRecords records;
    private final DecisionService decisions;
    private final DecisionAccess access;
    private final Directory directory;
    private final DocumentService documents;
    private final LegalityRecords legality;

    MeetingView(MeetingRecords records, DecisionService decisions, DecisionAccess access, Directory directory,
                DocumentService documents, LegalityRecords legality) {
        this.records = records;
        this.decisions = decisions;
        this.access = access;
        this.directory = directory;
        this.documents = documents;
        this.legality = legality;
    }

    /** The organs whose meetings the person sees: those their role covers as a whole (Art. 64). */
    List<String> organs() {
        Actor me = directory.currentActor();
        return directory.organs().stream().map(cn.juece.identity.Organ::code).filter(o -> access.organWide(me, o)).toList();
    }

    /** Whether the person's office arranges some organ's meetings (Art. 48; the schedule form is theirs). */
    boolean mayArrange() {
        Actor me = directory.currentActor();
        return directory.organs().stream().anyMatch(o -> records.mayRecord(me, o.code()));
    }

    /** One page of the meetings of the person's organs, the latest first (issue 17). */
    cn.juece.support.Page<Map<String, Object>> list(int page, int size) {
        var paged = records.page(organs(), page, size);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<MeetingRecords.Meeting> mine = paged.items();
        // the agenda's size and the invited seats of every listed meeting in one query (issue 17), not two per meeting
        Map<Long, MeetingRecords.Summary> summaries = records.summaries(mine.stream().map(MeetingRecords.Meeting::id).toList());
        for (MeetingRecords.Meeting m : mine) {
            MeetingRecords.Summary summary = summaries.getOrDefault(m.id(), new MeetingRecords.Summary(0, false));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("meeting", m);
            row.put("kindLabel", m.kind().label());
            row.put("items", summary.items());
            row.put("invitedPublic", summary.invitedPublic());
            rows.add(row);
        }
        return new cn.juece.support.Page<>(rows, paged.total(), page, size);
    }

    Map<String, Object> of(long id) {
        MeetingRecords.Meeting m = records.meeting(id);
        if (!access.organWide(directory.currentActor(), m.organCode())) {
            throw RuleViolation.notFound("MEETING_NOT_FOUND", "会议不存在：" + id);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("meeting", m);
        v.put("kindLabel", m.kind().label());
        v.put("attendees", records.attendees(id));
        List<Map<String, Object>> items = new ArrayList<>();
        for (MeetingRecords.Item i : records.items(id)) {
            Decision d = decisions.get(i.decisionId());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item", i);
            row.put("decisionNumber", d.number());
            row.put("decisionTitle", d.title());
            row.put("leadUnit", directory.unitName(d.leadUnit()));
            var views = records.views(i.id());
            row.put("views", views);
            MeetingRecords.Tally t = MeetingRecords.Tally.of(views);
            row.put("tally", t);
            row.put("majority", t.majorityLabel());
            row.put("headDecisionLabel", MeetingRecords.label(i.headDecision()));
            row.put("viewsMissing", i.headDecision() == null ? records.viewsMissing(i) : List.of());
            row.put("art47", legality.latestSuggestions(d.id()).stream().filter(LegalityRecords.Suggestion::notFullyAdopted).toList());
            row.put("minutes", documents.latest(d.id(), DocumentKind.MEETING_MINUTES).orElse(null));
            items.add(row);
        }
        v.put("items", items);
        v.put("members", records.members(m.organCode()));
        v.put("mayRecord", records.mayRecord(directory.currentActor(), m.organCode()));
        return v;
    }

    /**
     * Openness excerpt: the year's meetings with invited stakeholders, public, experts or media (at least 3), of the
     * person's organs (Art. 64: not other organs').
     */
    Map<String, Object> openness(int year) {
        var meetings = records.withInvitedPublic(organs(), year);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("year", year);
        v.put("required", 3);
        v.put("count", meetings.size());
        v.put("met", meetings.size() >= 3);
        v.put("meetings", meetings.stream().map(MeetingRecords.Meeting::name).toList());
        return v;
    }
}
