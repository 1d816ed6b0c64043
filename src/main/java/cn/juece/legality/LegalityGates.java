package cn.juece.legality;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.dossier.MaterialVersion;
import cn.juece.workflow.GateContext;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/**
 * Stage 7, legality review (Art. 41-47). The submission is refused with one refusal naming everything it lacks
 * (Art. 41: procedures performed or their omission recorded, initial review of the submitted draft, countersigns,
 * the office meeting; Art. 42: the materials and the lead unit's attestation); the checklist shows each material
 * on its own. The review closes only with the legal advisers' and public lawyers' opinions (Art. 44), every point
 * of Art. 43 answered, the conclusion the record reached, no supplement outstanding, and, for a conclusion given in
 * a letter, the letter of this round signed off by the bureau's head (Art. 46).
 */
@Component
class LegalityGates implements StageGates {

    static final Set<String> LETTER = LegalityService.WITH_OPINION_LETTER;
    static final Set<String> MISSING = Set.of("MISSING_PARTICIPATION", "MISSING_EXPERT", "MISSING_RISK");

    private final LegalityRecords records;
    private final cn.juece.identity.Directory directory;

    LegalityGates(LegalityRecords records, cn.juece.identity.Directory directory) {
        this.records = records;
        this.directory = directory;
    }

    /** The organ's own legality reviewer: 县司法局 for the county, a township's 司法所 (Art. 41, 64). */
    private String reviewer(GateContext ctx) {
        return directory.unitName(directory.organ(ctx.decision().organCode()).justiceUnit());
    }

    @Override
    public List<StageGate> gates() {
        List<StageGate> gates = new ArrayList<>();
        gates.add(new StageGate("legality-submit", Set.of(), "第四十一条、第四十二条", "LEGALITY_SUBMISSION_INCOMPLETE",
                "报送合法性审查的全部条件：法定程序已履行或不履行的理由已记录，初审针对报送的草案，部门会签，本单位办公会议讨论通过，第四十二条材料齐全并确认真实完整",
                ctx -> records.missingForSubmission(ctx).isEmpty(),
                ctx -> {
                    List<String> missing = records.missingForSubmission(ctx);
                    StringBuilder b = new StringBuilder("尚不具备报送合法性审查的条件（第四十一条、第四十二条），共" + missing.size() + "项：");
                    for (int i = 0; i < missing.size(); i++) {
                        b.append(i + 1).append(". ").append(missing.get(i)).append(i + 1 < missing.size() ? " " : "");
                    }
                    return b.toString();
                }));
        gates.addAll(LegalityRecords.materialGates());
        gates.add(Gates.rule("legality-submit", Set.of(), "第十四条、第四十二条", "INITIAL_REVIEW_STALE",
                "合法性初审意见书针对报送的决策草案版本", LegalityGates::initialReviewCoversDraft,
                "决策草案在合法性初审之后又有修改。请法制工作机构对最新版本的决策草案重新出具合法性初审意见书后再报送（第十四条、第四十二条）。"));
        gates.add(Gates.reason("legality-countersign", "第四十二条", "写明不同意会签的意见及理由", "DISAGREE"));
        gates.add(Gates.reason("legality-supplement", "第四十二条", "写明补送的材料"));

        gates.add(Gates.material("legality-review", MaterialType.LEGALITY_OPINION, "PASSED", "PROVISIONS_ILLEGAL", "ILLEGAL"));
        gates.add(new StageGate("legality-review", LETTER, "第四十六条", "OPINION_NOT_SIGNED_OFF",
                "本轮《合法性审查意见书》（报送审查之后出具）经合法性审查机构负责人签发", records::letterSignedOff,
                ctx -> records.letterInForce(ctx.decision()).isEmpty()
                        ? "本轮尚无报送审查之后出具的《合法性审查意见书》：报送前征求" + reviewer(ctx) + "意见的复函不能代替合法性审查（第四十一条）。"
                                + "请根据审查记录生成意见书，经负责人签发后再办结（第四十六条）。"
                        : "《合法性审查意见书》须经" + reviewer(ctx) + "负责人签发后方可办结；意见书签发后又有新版本的，须重新签发（第四十六条）。"));
        gates.add(Gates.rule("legality-review", Set.of(), "第四十四条", "LEGAL_OPINIONS_MISSING",
                "组织法律顾问、公职律师提出法律意见（两者均须记录）", ctx -> {
                    var r = records.review(ctx.decision().id(), records.reviewRound(ctx.decision().id()));
                    return r.adviserOpinion() != null && r.lawyerOpinion() != null;
                },
                "合法性审查应当组织法律顾问、公职律师提出法律意见（第四十四条）。请在合法性审查记录中分别记录法律顾问和公职律师的意见。"));
        gates.add(Gates.rule("legality-review", Set.of(), "第四十三条", "REVIEW_CHECKLIST_INCOMPLETE",
                "逐项审查：法定权限、法定程序、内容合法、其他（每项写明结论）",
                ctx -> records.points(ctx.decision().id(), records.reviewRound(ctx.decision().id())).size() == ReviewPoint.values().length,
                "请逐项记录第四十三条的审查结论：决策事项是否符合法定权限、决策草案的形成是否履行相关法定程序、内容是否合法、其他需要审查的内容。"));
        gates.add(Gates.rule("legality-review", Set.of(), "第四十五条", "SUPPLEMENT_PENDING", "没有尚未补送的材料",
                ctx -> records.openSupplement(ctx.decision().id()).isEmpty(),
                "已要求承办单位补送材料，尚未补送：补送后再作出审查结论（第四十二条）。"));
        gates.add(new StageGate("legality-review", Set.of(), "第四十五条", "REVIEW_CONCLUSION_MISMATCH",
                "办理结果与审查记录的结论一致",
                ctx -> ctx.outcome() == null || ctx.outcome().equals(records.review(ctx.decision().id(), records.reviewRound(ctx.decision().id())).conclusion()),
                ctx -> {
                    String recorded = records.review(ctx.decision().id(), records.reviewRound(ctx.decision().id())).conclusion();
                    return recorded == null
                            ? "请先在合法性审查记录中写明审查结论（第四十五条），再办结本环节。"
                            : "办理结果“" + LegalityService.CONCLUSIONS.get(ctx.outcome()) + "”与审查记录的结论“"
                                    + LegalityService.CONCLUSIONS.get(recorded) + "”不一致（第四十五条、第四十六条）。请更正审查记录或办理结果。";
                }));
        gates.add(Gates.rule("legality-review", Set.of("PASSED"), "第四十五条", "REVIEW_PROBLEM_FOUND",
                "审查各项均无问题", ctx -> records.points(ctx.decision().id(), records.reviewRound(ctx.decision().id())).stream()
                        .noneMatch(p -> p.finding() == ReviewPoint.Finding.PROBLEM),
                "审查记录中有“存在问题”的审查内容，不能作出“合法，通过审查”的结论（第四十五条）。"));
        gates.add(Gates.rule("legality-review", Set.of("PROVISIONS_ILLEGAL"), "第四十五条", "SUGGESTIONS_MISSING",
                "具体规定不合法的，提出修改意见和建议", ctx -> !records.suggestions(ctx.decision().id(), records.reviewRound(ctx.decision().id())).isEmpty(),
                "具体规定不合法的，应当提出相应修改意见和建议（第四十五条第三项、第四十六条）。请在审查记录中逐条写明问题、法律风险和修改建议。"));
        gates.add(Gates.rule("legality-review", MISSING, "第四十五条", "REVIEW_PROCEDURE_NOT_FOUND",
                "退回补正程序的，审查记录中“法定程序”一项写明缺少的程序",
                ctx -> records.points(ctx.decision().id(), records.reviewRound(ctx.decision().id())).stream()
                        .anyMatch(p -> p.point() == ReviewPoint.PROCEDURE && p.finding() == ReviewPoint.Finding.PROBLEM),
                "退回补正程序的，请在审查记录“决策草案的形成是否履行相关法定程序”一项选择“存在问题”并写明缺少的程序（第四十三条、第四十五条第二项）。"));
        gates.add(Gates.reason("legality-review", "第四十五条", "写明缺少的程序及退回补充的要求", "MISSING_PARTICIPATION", "MISSING_EXPERT", "MISSING_RISK"));

        gates.add(Gates.rule("legality-revise", Set.of(), "第四十七条", "ADOPTION_NOT_DECIDED",
                "对每一条合法性审查意见记录采纳、部分采纳或未采纳",
                ctx -> records.latestSuggestions(ctx.decision().id()).stream().allMatch(LegalityRecords.Suggestion::decided),
                "请对合法性审查意见书中的每一条修改意见和建议记录是否采纳；未采纳或者未完全采纳的，写明理由（第四十七条）。"));
        StageGate explanation = Gates.material("legality-revise", MaterialType.REVISION_EXPLANATION);
        gates.add(new StageGate("legality-revise", Set.of(), explanation.article(), explanation.code(),
                "有未采纳或者未完全采纳的审查意见的，《未采纳合法性审查意见的书面说明》",
                ctx -> records.latestSuggestions(ctx.decision().id()).stream().noneMatch(LegalityRecords.Suggestion::notFullyAdopted)
                        || explanation.met().test(ctx),
                explanation.refusal(), explanation.evidence()));
        gates.add(Gates.rule("legality-revise", Set.of(), "第四十七条", "REVISED_DRAFT_MISSING",
                "采纳审查意见的，上传修改后的决策草案",
                ctx -> records.latestSuggestions(ctx.decision().id()).stream().noneMatch(s -> !"NOT_ADOPTED".equals(s.adoption()))
                        || ctx.latest(MaterialType.DRAFT).map(MaterialVersion::id).orElse(0L)
                                > ctx.latest(MaterialType.LEGALITY_OPINION).map(MaterialVersion::id).orElse(0L),
                "已采纳审查意见的，请上传根据审查意见修改后的《决策草案》（第四十七条）。"));
        gates.add(Gates.reason("legality-disposition", "第四十五条", "说明终止决策或责令重新拟定草案的理由"));
        return gates;
    }

    static boolean initialReviewCoversDraft(GateContext ctx) {
        var draft = ctx.latest(MaterialType.DRAFT);
        var review = ctx.latest(MaterialType.INITIAL_REVIEW_OPINION);
        if (draft.isEmpty() || review.isEmpty()) {
            return true; // the missing-material gates speak for these
        }
        return review.get().id() > draft.get().id();
    }
}
