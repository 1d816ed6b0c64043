package cn.juece.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.participation.PublicCommentService;
import cn.juece.workflow.GateContext;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/**
 * Stage 9, publication (Art. 51, 52; openness excerpt): issued only after the report to the party committee, the
 * Art. 51 route answered (and, where one applies, completed), with a document number in the 〔〕 form and its
 * issuing day; published with its basis through the gazette and the website (or not published, on a recorded
 * ground); the opinions' adoption published with the summary generated from the participation records.
 */
@Component
class PublicationGates implements StageGates {

    private final PublicationRecords records;
    private final org.springframework.beans.factory.ObjectProvider<PublicCommentService> comments;
    private final cn.juece.identity.Directory directory;

    PublicationGates(PublicationRecords records, org.springframework.beans.factory.ObjectProvider<PublicCommentService> comments,
                     cn.juece.identity.Directory directory) {
        this.records = records;
        this.comments = comments;
        this.directory = directory;
    }

    @Override
    public List<StageGate> gates() {
        String issue = "publication-party-report";
        return List.of(
                Gates.material(issue, MaterialType.DECISION_DOCUMENT),
                Gates.rule(issue, Set.of(), "第五十一条", "PARTY_REPORT_MISSING", "出台前向党委请示报告（日期）",
                        ctx -> records.record(ctx.decision().id()).partyReportOn() != null,
                        "重大行政决策出台前应当按照规定向党委请示报告（第五十一条）。请先记录请示报告的日期和文号。"),
                new StageGate(issue, Set.of(), "第五十一条", "ART51_ROUTE_UNANSWERED",
                        "是否依法须提请人大或其常委会审议决定、向人大常委会报告或报上级人民政府批准",
                        ctx -> records.record(ctx.decision().id()).route() != null,
                        ctx -> "请记录本决策是否依法须" + routes(ctx) + "（第五十一条）。"),
                new StageGate(issue, Set.of(), "第五十一条", "ART51_ROUTE_PENDING", "依法须提请审议、报告或报批的，已办结",
                        ctx -> {
                            var r = records.record(ctx.decision().id());
                            return r.route() == null || r.route() == PublicationRecords.Route.NONE || r.routeDoneOn() != null;
                        },
                        ctx -> "本决策依法须按第五十一条办理（" + records.record(ctx.decision().id()).route().label(directory.organ(ctx.decision().organCode()))
                                + "），办结后方可印发。请记录办结日期。"),
                Gates.rule(issue, Set.of(), "第五十二条", "DOC_NUMBER_MISSING", "发文字号（如冠政发〔2026〕8号）和印发日期",
                        ctx -> records.record(ctx.decision().id()).docNumber() != null && records.record(ctx.decision().id()).issuedOn() != null,
                        "请记录决策文件的发文字号（如“冠政发〔2026〕8号”）和印发日期（成文日期）（第五十二条；GB/T 9704）。"),
                new StageGate("publication-publish", Set.of("PUBLISHED"), "第五十二条", "PUBLICATION_CHANNELS_MISSING",
                        "公布途径：公报期号（决策机关有公报的）、政府网站链接，以及决策依据",
                        ctx -> missingChannels(ctx.decision()).isEmpty(),
                        ctx -> records.record(ctx.decision().id()).exempt()
                                ? "已记录依法不予公开，请选择“依法不予公开”的办理结果（第五十二条）。"
                                : "决策应当通过" + (gazette(ctx.decision()) ? "县政府公报、政府网站" : "政府网站、政务新媒体")
                                + "等途径及时公布，并公布决策依据（第五十二条）。尚缺：" + String.join("、", missingChannels(ctx.decision())) + "。"),
                Gates.rule("publication-publish", Set.of("EXEMPT"), "第五十二条", "EXEMPT_GROUND_MISSING", "依法不予公开的依据和理由",
                        ctx -> records.record(ctx.decision().id()).exempt(),
                        "依法不予公开的，请先记录依据（国家秘密、商业秘密、个人隐私等）和理由（第五十二条）。"),
                Gates.material("publication-feedback", MaterialType.ADOPTION_SUMMARY, "PUBLISHED"),
                Gates.rule("publication-feedback", Set.of("NOT_APPLICABLE"), "第二十九条、第五十二条", "FEEDBACK_REQUIRED",
                        "未公开征求意见的，方可选择无需公布",
                        ctx -> comments.getObject().ofDecision(ctx.decision().id()).isEmpty(),
                        "本事项公开征求过意见：应当在决策文件印发后10个工作日内公开意见的收集、采纳情况及较为集中意见不予采纳的原因（政务公开要求）。"),
                Gates.reason("publication-feedback", "第五十二条", "写明公布意见采纳情况的途径和时间，或未开展公众参与的说明"));
    }

    /** Art. 51's routes as the decision's organ's bodies name them (Art. 64): 提请县人民代表大会…或者报市人民政府批准. */
    private String routes(GateContext ctx) {
        var organ = directory.organ(ctx.decision().organCode());
        var routes = PublicationRecords.Route.of(organ).stream().filter(r -> r != PublicationRecords.Route.NONE).map(r -> r.label(organ)).toList();
        return String.join("、", routes.subList(0, routes.size() - 1)) + (routes.size() > 1 ? "或者" : "") + routes.get(routes.size() - 1);
    }

    /** Whether the decision's organ publishes in a gazette of its own (a township has none: Art. 52 by reference, Art. 64). */
    private boolean gazette(cn.juece.decision.Decision d) {
        return directory.organ(d.organCode()).gazette();
    }

    List<String> missingChannels(cn.juece.decision.Decision d) {
        var r = records.record(d.id());
        List<String> missing = new ArrayList<>();
        if (r.exempt()) {
            missing.add("（已记录依法不予公开）");
            return missing;
        }
        if (r.gazetteIssue() == null && gazette(d)) missing.add("县政府公报期号");
        if (r.websiteUrl() == null) missing.add("政府网站链接");
        if (r.basis() == null) missing.add("决策依据");
        return missing;
    }
}
