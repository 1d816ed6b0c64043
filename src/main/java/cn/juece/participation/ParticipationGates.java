package cn.juece.participation;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/**
 * Stage 4, public participation (Art. 17-29): every opinion recorded, summarised and answered; a public
 * comment's adoption feedback is published before the stage ends (Art. 18, 29).
 */
@Component
class ParticipationGates implements StageGates {

    // The repository, not the service: gates are read by TaskRules, which the service's collaborators use.
    private final ConsultationRepository consultations;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ParticipationGates(ConsultationRepository consultations, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.consultations = consultations;
        this.jdbc = jdbc;
    }

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.material("participation-conduct", MaterialType.PARTICIPATION_REPORT),
                Gates.conditional("participation-conduct", Set.of(), "第十八条、第二十九条", "CONSULTATION_FEEDBACK_MISSING",
                        "公开征求意见的，意见采纳情况已公布",
                        ctx -> !consultations.ofDecision(ctx.decision().id()).isEmpty(),
                        ctx -> consultations.ofDecision(ctx.decision().id()).stream()
                                .allMatch(c -> c.status() == ConsultationStatus.FEEDBACK_PUBLISHED),
                        "公开征求意见的意见采纳情况尚未公布。请在征求意见截止后逐条答复意见并公布采纳情况（第十八条、第二十九条），再结束公众参与。"),
                Gates.rule("participation-conduct", Set.of(), "第二十一条", "SYMPOSIUM_NOT_HELD",
                        "拟召开的座谈会均已召开并记录意见",
                        ctx -> jdbc.sql("SELECT COUNT(*) FROM juece.symposium WHERE decision_id = ? AND status NOT IN ('HELD', 'CANCELLED')")
                                .param(ctx.decision().id()).query(Long.class).single() == 0,
                        "尚有拟召开的座谈会未召开或未登记会议记录（第二十一条）。请召开座谈会并上传记录后再结束公众参与。"),
                Gates.rule("participation-conduct", Set.of(), "第二十二条", "HEARING_QUESTION_UNANSWERED",
                        "已确定是否应当召开听证会（第二十二条所列情形）",
                        ctx -> jdbc.sql("SELECT COUNT(*) FROM juece.hearing_requirement WHERE decision_id = ?")
                                .param(ctx.decision().id()).query(Long.class).single() > 0,
                        "请先在决策案卷中确定是否应当召开听证会：法律、法规、规章规定应当听证，直接涉及切身利益可能造成重大影响，或者存在重大分歧的，应当听证（第二十二条）。"),
                Gates.conditional("participation-conduct", Set.of(), "第二十二条、第二十六条", "HEARING_NOT_REPORTED",
                        "应当听证的，已召开听证会并形成听证报告",
                        // a hearing announced holds whatever was decided; otherwise the answer to Art. 22, once given
                        ctx -> hearingHeld(ctx.decision().id()) ? Boolean.TRUE : hearingRequired(ctx.decision().id()),
                        ctx -> {
                            long id = ctx.decision().id();
                            boolean required = jdbc.sql("SELECT COUNT(*) FROM juece.hearing_requirement WHERE decision_id = ? AND required = TRUE")
                                    .param(id).query(Long.class).single() > 0;
                            long reported = jdbc.sql("SELECT COUNT(*) FROM juece.hearing WHERE decision_id = ? AND status = 'REPORTED'")
                                    .param(id).query(Long.class).single();
                            long pending = jdbc.sql("SELECT COUNT(*) FROM juece.hearing WHERE decision_id = ? AND status NOT IN ('REPORTED', 'CANCELLED')")
                                    .param(id).query(Long.class).single();
                            return pending == 0 && (!required || reported > 0);
                        },
                        "应当召开的听证会尚未召开或尚未形成听证报告（第二十二条、第二十六条）。听证报告是决策的重要依据，请召开听证会并上传听证报告后再结束公众参与。"));
    }

    /** Art. 22: whether a hearing is required, as recorded; null until the question is answered. */
    private Boolean hearingRequired(long decisionId) {
        return jdbc.sql("SELECT required FROM juece.hearing_requirement WHERE decision_id = ?").param(decisionId)
                .query(Boolean.class).optional().orElse(null);
    }

    private boolean hearingHeld(long decisionId) {
        return jdbc.sql("SELECT COUNT(*) FROM juece.hearing WHERE decision_id = ? AND status <> 'CANCELLED'")
                .param(decisionId).query(Long.class).single() > 0;
    }
}
