package cn.juece.workflow;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import cn.juece.decision.Decision;
import cn.juece.dossier.Material;
import cn.juece.dossier.MaterialType;
import cn.juece.dossier.MaterialVersion;

/** What a gate may look at: the decision, the step and outcome being attempted, and the dossier. */
public final class GateContext {

    private final Decision decision;
    private final String taskKey;
    private final String outcome;
    private final String reason;
    private final Supplier<List<Material>> materialsLoader;
    private List<Material> materials;

    public GateContext(Decision decision, String taskKey, String outcome, String reason, Supplier<List<Material>> materials) {
        this.decision = decision;
        this.taskKey = taskKey;
        this.outcome = outcome;
        this.reason = reason;
        this.materialsLoader = materials;
    }

    public Decision decision() {
        return decision;
    }

    public String taskKey() {
        return taskKey;
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

    public List<Material> materials() {
        if (materials == null) {
            materials = materialsLoader.get();
        }
        return materials;
    }

    public boolean has(MaterialType type) {
        return materials().stream().anyMatch(m -> m.type() == type && !m.versions().isEmpty());
    }

    public Optional<MaterialVersion> latest(MaterialType type) {
        return materials().stream().filter(m -> m.type() == type).map(Material::latest)
                .filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.comparingLong(MaterialVersion::id));
    }
}
