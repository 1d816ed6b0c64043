package cn.juece.archive;

import static cn.juece.dossier.MaterialType.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.drafting.DraftingRecord;
import cn.juece.drafting.DraftingService;
import cn.juece.workflow.Step;

/**
 * Art. 59: the materials each step produces and the archive keeps — the Art. 42 submission to the legality review,
 * the Art. 49 submission to the meeting, the meeting record, the decision document, the reports — required for the
 * steps this matter actually completed. A matter that never reached the meeting is not asked for minutes; one whose
 * draft touched market entities (Art. 14) is asked for its fair competition review.
 */
@Component
class ArchiveMaterials implements ArchiveRequirements {

    /** Step (and outcomes; none = any) → the materials it produces. */
    private record Rule(String taskKey, Set<String> outcomes, List<MaterialType> materials) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("proposal-study", Set.of(), List.of(STUDY_REPORT)),
            new Rule("drafting-draft", Set.of(), List.of(DRAFT, DRAFTING_EXPLANATION)),
            new Rule("drafting-initial-review", Set.of("PASSED"), List.of(INITIAL_REVIEW_OPINION)),
            new Rule("participation-conduct", Set.of(), List.of(PARTICIPATION_REPORT)),
            new Rule("expert-conduct", Set.of(), List.of(EXPERT_OPINION)),
            new Rule("risk-assess", Set.of(), List.of(RISK_REPORT)),
            new Rule("legality-submit", Set.of(), List.of(LEGALITY_REQUEST, DRAFT, DRAFTING_EXPLANATION, LEGAL_BASIS,
                    INITIAL_REVIEW_OPINION)),
            new Rule("legality-review", Set.of("PASSED", "PROVISIONS_ILLEGAL", "ILLEGAL"), List.of(LEGALITY_OPINION)),
            new Rule("legality-revise", Set.of(), List.of(REVISION_EXPLANATION)),
            new Rule("meeting-submit", Set.of(), List.of(MEETING_REQUEST, LEGALITY_OPINION)),
            new Rule("meeting-decide", Set.of(), List.of(MEETING_MINUTES)),
            new Rule("publication-party-report", Set.of(), List.of(DECISION_DOCUMENT)),
            new Rule("evaluation-conduct", Set.of(), List.of(EVALUATION_REPORT)));

    private final DraftingService drafting;

    ArchiveMaterials(DraftingService drafting) {
        this.drafting = drafting;
    }

    @Override
    public List<Item> required(Context ctx) {
        Map<MaterialType, String> because = new LinkedHashMap<>();
        for (Rule r : RULES) {
            List<Step> done = ctx.completed(r.taskKey(), r.outcomes());
            if (!done.isEmpty()) {
                r.materials().forEach(t -> because.putIfAbsent(t, Context.because(done.get(0))));
            }
        }
        // Art. 42: countersignature by the other 承办 units, when there are any
        if (!ctx.decision().coUnits().isEmpty() && !ctx.completed("legality-submit").isEmpty()) {
            because.putIfAbsent(COUNTERSIGN_OPINION, Context.because(ctx.completed("legality-submit").get(0)) + "，有其他决策承办单位");
        }
        // Art. 14: the reviews the draft called for
        if (!ctx.completed("drafting-arrangements").isEmpty()) {
            DraftingRecord record = drafting.record(ctx.decision().id());
            String why = Context.because(ctx.completed("drafting-arrangements").get(0));
            if (Boolean.TRUE.equals(record.touchesMarket())) {
                because.putIfAbsent(FAIR_COMPETITION_REVIEW, why + "，草案涉及市场主体经济活动");
            }
            if (Boolean.TRUE.equals(record.touchesTrade())) {
                because.putIfAbsent(TRADE_POLICY_REVIEW, why + "，草案涉及贸易");
            }
        }
        List<Item> items = new ArrayList<>();
        because.forEach((type, why) -> items.add(new Item("《" + type.label() + "》", type.article(), why, ctx.has(type))));
        return items;
    }
}
