package cn.juece.participation;

import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/**
 * Art. 19 and the openness excerpt: before a matter goes to the meeting, the question is answered and, for
 * an enterprise-related matter, representative enterprises and associations/chambers were heard (a private,
 * small-medium or labour-intensive one among them) and every opinion answered. Guards meeting-submit.
 */
@Component
class EnterpriseGates implements StageGates {

    private final JdbcClient jdbc;

    EnterpriseGates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.rule("meeting-submit", Set.of(), "第十九条", "ENTERPRISE_QUESTION_UNANSWERED",
                        "已认定是否与企业生产经营活动密切相关",
                        ctx -> answer(jdbc, ctx.decision().id()) != null,
                        "提请审议前，请在决策案卷中认定决策事项是否与企业生产经营活动密切相关、可能对企业切身利益或者权利义务有重大影响（第十九条）。"),
                Gates.conditional("meeting-submit", Set.of(), "第十九条", "ENTERPRISE_OPINIONS_MISSING",
                        "与企业密切相关的，已听取有代表性的企业和行业协会商会意见（含民营、中小或劳动密集型企业）",
                        ctx -> answer(jdbc, ctx.decision().id()),
                        ctx -> !related(ctx.decision().id())
                                || count("SELECT COUNT(*) FROM juece.enterprise_opinion WHERE decision_id = ? AND kind = 'ENTERPRISE'", ctx.decision().id()) > 0
                                && count("SELECT COUNT(*) FROM juece.enterprise_opinion WHERE decision_id = ? AND kind <> 'ENTERPRISE'", ctx.decision().id()) > 0
                                && count("SELECT COUNT(*) FROM juece.enterprise_opinion WHERE decision_id = ? AND kind = 'ENTERPRISE' AND (private_owned OR small_medium OR labour_intensive)", ctx.decision().id()) > 0,
                        "决策事项与企业生产经营活动密切相关，应当充分听取有代表性的企业和行业协会商会的意见，特别是民营企业、劳动密集型企业、中小企业等市场主体的意见（第十九条）。听取和采纳情况应在提请审议前形成记录。"),
                Gates.rule("meeting-submit", Set.of(), "第十九条、第二十九条", "ENTERPRISE_OPINIONS_UNANSWERED",
                        "企业和行业协会商会的意见均已答复采纳情况",
                        ctx -> count("SELECT COUNT(*) FROM juece.enterprise_opinion WHERE decision_id = ? AND adoption IS NULL", ctx.decision().id()) == 0,
                        "尚有企业或行业协会商会的意见未答复采纳情况（第十九条、第二十九条）。"));
    }

    private boolean related(long decisionId) {
        return Boolean.TRUE.equals(answer(jdbc, decisionId));
    }

    /** The recorded answer, else the catalogue item's enterprise-related flag (DECISIONS.md 9), else null. */
    static Boolean answer(JdbcClient jdbc, long decisionId) {
        return jdbc.sql("SELECT related FROM juece.enterprise_question WHERE decision_id = ?").param(decisionId)
                .query(Boolean.class).optional()
                .or(() -> jdbc.sql("SELECT enterprise_related FROM juece.catalogue_item WHERE decision_id = ? AND enterprise_related = TRUE")
                        .param(decisionId).query(Boolean.class).optional())
                .orElse(null);
    }

    private long count(String sql, long decisionId) {
        return jdbc.sql(sql).param(decisionId).query(Long.class).single();
    }
}
