package cn.juece.meeting;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/**
 * Stage 8, collective decision (Art. 48-51). The submission carries every Art. 49 material (one refusal naming all
 * that are missing, the enterprise consultation's gates among them); the decision closes only on the record of the
 * meeting it was discussed at, in Art. 50's order, with the executive head's decision recorded there, the task's
 * outcome being that decision, and the minutes generated from the record.
 */
@Component
class MeetingGates implements StageGates {

    private final MeetingRecords records;

    MeetingGates(MeetingRecords records) {
        this.records = records;
    }

    @Override
    public List<StageGate> gates() {
        return List.of(
                new StageGate("meeting-submit", Set.of(), "第四十九条", "MEETING_MATERIALS_INCOMPLETE",
                        "第四十九条规定的材料齐全（请示、草案及起草说明、通过的合法性审查意见，履行相应程序的意见采纳情况、风险评估报告、公平竞争和贸易政策合规审查材料、企业意见）",
                        ctx -> records.art49Own(ctx, true).isEmpty(),
                        ctx -> MeetingRecords.refusal("提请集体讨论的条件尚不具备", records.art49Missing(ctx, true))),
                Gates.material("meeting-submit", MaterialType.MEETING_REQUEST),
                Gates.rule("meeting-decide", Set.of(), "第四十八条", "MEETING_NOT_ON_AGENDA", "列入常务会议或全体会议的议题",
                        ctx -> records.itemOpenFor(ctx.decision().id()).isPresent(),
                        "决策草案应当经常务会议或者全体会议讨论，未经集体讨论的，不得作出决定（第四十八条）。请决策机关的办公室先将本事项列入会议议题并记录讨论情况。"),
                Gates.rule("meeting-decide", Set.of(), "第五十条", "MEETING_RECORD_INCOMPLETE", "会议记录：承办单位说明、合法性审查说明、会议组成人员逐一发表的意见、行政首长的决定",
                        ctx -> records.itemOpenFor(ctx.decision().id()).map(i -> i.headDecision() != null).orElse(false),
                        "会议记录尚未完成（第五十条）：请先按顺序记录承办单位的说明、合法性审查情况的说明、会议组成人员的意见和行政首长的决定。"),
                new StageGate("meeting-decide", Set.of(), "第五十条", "MEETING_OUTCOME_MISMATCH", "办理结果与会议记录中行政首长的决定一致",
                        ctx -> ctx.outcome() == null || records.itemOpenFor(ctx.decision().id())
                                .map(i -> i.headDecision() == null || ctx.outcome().equals(i.headDecision())).orElse(true),
                        ctx -> "办理结果“" + MeetingRecords.label(ctx.outcome()) + "”与会议记录中行政首长的决定“"
                                + records.itemOpenFor(ctx.decision().id()).map(i -> MeetingRecords.label(i.headDecision())).orElse("")
                                + "”不一致（第五十条：集体讨论决定情况应当如实记录）。"),
                Gates.material("meeting-decide", MaterialType.MEETING_MINUTES),
                Gates.reason("meeting-revise", "第五十条", "说明按会议意见修改的情况"));
    }
}
