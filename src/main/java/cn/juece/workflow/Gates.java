package cn.juece.workflow;

import java.util.Set;
import java.util.function.Predicate;

import cn.juece.dossier.MaterialType;

/** Builders for the common kinds of gate. */
public final class Gates {

    private Gates() {
    }

    /**
     * The step cannot close (with these outcomes; none = any) until its providers have given the material in this
     * round of the step (DECISIONS.md 24): after a loop back, the previous round's version no longer counts — a
     * re-review needs a new opinion letter, a re-assessment a new report, a redraft a new draft.
     */
    public static StageGate material(String taskKey, MaterialType type, String... outcomes) {
        return new StageGate(taskKey, Set.of(outcomes), type.article(), "MATERIAL_MISSING_" + type.name(),
                "《" + type.label() + "》（本轮办理中提交）", ctx -> ctx.current(type).isPresent(),
                ctx -> ctx.has(type)
                        ? "本轮办理需要新的《" + type.label() + "》（" + type.article() + "）：案卷中的第"
                                + ctx.latest(type).orElseThrow().versionNo() + "版已在上一轮使用。请上传本轮的《" + type.label()
                                + "》（新版本），再办理本环节。"
                        : "缺少《" + type.label() + "》（" + type.article() + "）。请先在决策案卷中上传该材料，再办理本环节。",
                ctx -> ctx.current(type));
    }

    /** The material, given by its providers in any round, is in the dossier (e.g. the draft at the submission). */
    public static StageGate onFile(String taskKey, MaterialType type, String... outcomes) {
        return new StageGate(taskKey, Set.of(outcomes), type.article(), "MATERIAL_MISSING_" + type.name(),
                "《" + type.label() + "》", ctx -> ctx.has(type),
                ctx -> "缺少《" + type.label() + "》（" + type.article() + "）。请先在决策案卷中上传该材料，再办理本环节。",
                ctx -> ctx.latest(type));
    }

    /** A short reason must accompany these outcomes (none = any). */
    public static StageGate reason(String taskKey, String article, String why, String... outcomes) {
        return new StageGate(taskKey, Set.of(outcomes), article, "REASON_REQUIRED", "办理理由：" + why,
                GateContext::hasReason, ctx -> "请填写理由：" + why + "（" + article + "）。");
    }

    /**
     * A reason that replaces a statutory step (e.g. an Art. 3 finding that the procedure does not apply) must say
     * something: at least {@code minLength} characters (DECISIONS.md 24).
     */
    public static StageGate substantiveReason(String taskKey, String article, String why, int minLength, String... outcomes) {
        return new StageGate(taskKey, Set.of(outcomes), article, "REASON_REQUIRED", "办理理由（不少于" + minLength + "字）：" + why,
                ctx -> ctx.hasReason() && ctx.reason().strip().length() >= minLength,
                ctx -> (ctx.hasReason() ? "理由过于简略（不少于" + minLength + "字）。" : "请填写理由。") + why + "（" + article + "）。");
    }

    /**
     * A requirement that holds only in some cases: {@code applies} says whether it holds for the decision (null while
     * the fact it turns on is not recorded yet, which another gate asks for); {@code met} is checked at completion
     * and must pass where the requirement does not hold.
     */
    public static StageGate conditional(String taskKey, Set<String> outcomes, String article, String code, String requirement,
                                        java.util.function.Function<GateContext, Boolean> applies, Predicate<GateContext> met,
                                        String refusal) {
        return new StageGate(taskKey, outcomes, article, code, requirement, met, ctx -> refusal, null, applies);
    }

    /** Any other check. */
    public static StageGate rule(String taskKey, Set<String> outcomes, String article, String code, String requirement,
                                 Predicate<GateContext> met, String refusal) {
        return new StageGate(taskKey, outcomes, article, code, requirement, met, ctx -> refusal);
    }
}
