package cn.juece.workflow;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import cn.juece.decision.Decision;
import cn.juece.dossier.Material;
import cn.juece.dossier.MaterialType;
import cn.juece.dossier.MaterialVersion;

/**
 * What a gate may look at: the decision, the step and outcome being attempted, and the dossier. Materials count
 * only from the parties their type names (DECISIONS.md 24); {@link #current} counts only this round's.
 */
public final class GateContext {

    private final Decision decision;
    private final String taskKey;
    private final String outcome;
    private final String reason;
    private final Supplier<List<Material>> materialsLoader;
    private final long roundStartsAfter;
    private final Function<MaterialType, List<String>> providers;
    private final Step step;
    private List<Material> materials;

    /**
     * @param roundStartsAfter evidence of this round of the step must be a material version newer than this id
     *                         (the newest version when the previous round closed; 0 in the first round)
     * @param providers        the groups that provide each material type in this decision (empty: anyone)
     */
    public GateContext(Decision decision, String taskKey, String outcome, String reason, Supplier<List<Material>> materials,
                       long roundStartsAfter, Function<MaterialType, List<String>> providers) {
        this(decision, null, taskKey, outcome, reason, materials, roundStartsAfter, providers);
    }

    /**
     * @param step the step being completed (its task, round and, for a per-unit party, its unit), or null when a
     *             gate is asked without one
     */
    public GateContext(Decision decision, Step step, String taskKey, String outcome, String reason,
                       Supplier<List<Material>> materials, long roundStartsAfter,
                       Function<MaterialType, List<String>> providers) {
        this.step = step;
        this.decision = decision;
        this.taskKey = taskKey;
        this.outcome = outcome;
        this.reason = reason;
        this.materialsLoader = materials;
        this.roundStartsAfter = roundStartsAfter;
        this.providers = providers;
    }

    public Decision decision() {
        return decision;
    }

    public String taskKey() {
        return taskKey;
    }

    /** The step being completed, or null. */
    public Step step() {
        return step;
    }

    /** The task of the step being completed, or null. */
    public String taskId() {
        return step == null ? null : step.taskId();
    }

    /** The one unit the step belongs to, for a per-unit party (a consulted unit, an execution unit), or null. */
    public String subjectUnit() {
        return step == null ? null : step.subjectUnit();
    }

    public String outcome() {
        return outcome;
    }

    public String reason() {
        return reason;
    }

    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }

    /** The newest material version the previous round of this step had seen (0 in the first round). */
    public long roundStartsAfter() {
        return roundStartsAfter;
    }

    public List<Material> materials() {
        if (materials == null) {
            materials = materialsLoader.get();
        }
        return materials;
    }

    /** A version of this type given by its providers is on file (whatever the round). */
    public boolean has(MaterialType type) {
        return latest(type).isPresent();
    }

    /** The newest version of this type given by its providers, whatever the round. */
    public Optional<MaterialVersion> latest(MaterialType type) {
        return provided(type).max(Comparator.comparingLong(MaterialVersion::id));
    }

    /** The newest version of this type given by its providers in this round of the step. */
    public Optional<MaterialVersion> current(MaterialType type) {
        return provided(type).filter(v -> v.id() > roundStartsAfter).max(Comparator.comparingLong(MaterialVersion::id));
    }

    /** The material a version belongs to (for the checklist's evidence). */
    public Optional<Material> materialOf(MaterialVersion v) {
        return materials().stream().filter(m -> m.id() == v.materialId()).findFirst();
    }

    private Stream<MaterialVersion> provided(MaterialType type) {
        List<String> by = providers.apply(type);
        return materials().stream().filter(m -> m.type() == type).flatMap(m -> m.versions().stream())
                .filter(v -> by.isEmpty() || v.providedFor() == null || by.contains(v.providedFor()));
    }
}
