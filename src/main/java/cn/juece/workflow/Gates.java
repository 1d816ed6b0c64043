package cn.juece.workflow;

import java.util.Set;
import java.util.function.Predicate;

import cn.juece.dossier.MaterialType;

/** Builders for the common kinds of gate. */
public final class Gates {

    private Gates() {
    }

    /** The step cannot close (with these outcomes; none = any) until the material is in the dossier. */
    public static StageGate material(String taskKey, MaterialType type, String... outcomes) {
        return new StageGate(taskKey, Set.of(outcomes), type.article(), "MATERIAL_MISSING_" + type.name(),
                "《" + type.label() + "》", ctx -> ctx.has(type),
                ctx -> "缺少《" + type.label() + "》（" + type.article() + "）。请先在决策案卷中上传该材料，再办理本环节。");
    }

    /** A short reason must accompany these outcomes (none = any). */
    public static StageGate reason(String taskKey, String article, String why, String... outcomes) {
        return new StageGate(taskKey, Set.of(outcomes), article, "REASON_REQUIRED", "办理理由：" + why,
                GateContext::hasReason, ctx -> "请填写理由：" + why + "（" + article + "）。");
    }

    /** Any other check. */
    public static StageGate rule(String taskKey, Set<String> outcomes, String article, String code, String requirement,
                                 Predicate<GateContext> met, String refusal) {
        return new StageGate(taskKey, outcomes, article, code, requirement, met, ctx -> refusal);
    }
}
