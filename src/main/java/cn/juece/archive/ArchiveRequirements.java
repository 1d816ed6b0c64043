package cn.juece.archive;

import java.util.List;
import java.util.Set;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionStatus;
import cn.juece.decision.Stage;
import cn.juece.dossier.Material;
import cn.juece.dossier.MaterialType;
import cn.juece.workflow.Step;

/**
 * A feature's part of Art. 59's completeness: what the dossier must hold before it is filed, derived from the path the
 * matter actually took — the steps it completed ({@code juece.step}), the stages it entered and how it ended — never a
 * fixed list. The archive's one gate asks every contribution and names everything missing at once.
 */
public interface ArchiveRequirements {

    List<Item> required(Context context);

    /**
     * One requirement: the material or record (in Chinese), the article that asks for it, why this matter needs it
     * (the step or stage that produced it), and whether it is there.
     */
    record Item(String what, String article, String because, boolean present) {
    }

    /** The path the matter took, and its materials. */
    record Context(Decision decision, List<Step> completedSteps, List<Stage> stagesEntered, DecisionStatus ending,
                   List<Material> materials) {

        public List<Step> completed(String taskKey) {
            return completedSteps.stream().filter(s -> s.taskKey().equals(taskKey)).toList();
        }

        /** Completed with one of these outcomes (none given: any). */
        public List<Step> completed(String taskKey, Set<String> outcomes) {
            return completed(taskKey).stream().filter(s -> outcomes.isEmpty() || outcomes.contains(s.outcome())).toList();
        }

        public boolean entered(Stage stage) {
            return stagesEntered.contains(stage);
        }

        /** A version of this type is on file (its providers were checked when it was uploaded). */
        public boolean has(MaterialType type) {
            return materials.stream().anyMatch(m -> m.type() == type && !m.versions().isEmpty());
        }

        /** "已办理“…”" for a step, as the reason a requirement applies. */
        public static String because(Step step) {
            return "已办理“" + step.taskName() + "”";
        }
    }
}
