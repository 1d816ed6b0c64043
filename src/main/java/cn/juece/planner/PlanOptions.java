package cn.juece.planner;

import java.time.LocalDate;

/**
 * What-if choices of the lead unit (issue 16): each null means "as the dossier records it". They change only the
 * computation, never the dossier.
 *
 * @param start      the day stages 4–6 start (e.g. the comment notice is published), when they have not started yet
 * @param comment    public comment (公开征求意见, Art. 20) or not
 * @param hearing    hearing (听证会, Art. 22–26) or not
 * @param expert     expert review (专家论证, Art. 30–35) or not
 * @param risk       risk assessment (风险评估, Art. 36–40) or not
 * @param supplement count the Art. 42 allowance for supplementing the legality-review materials (3 working days)
 */
public record PlanOptions(LocalDate start, Boolean comment, Boolean hearing, Boolean expert, Boolean risk, Boolean supplement) {

    public static final PlanOptions RECORDED = new PlanOptions(null, null, null, null, null, null);

    public boolean isWhatIf() {
        return start != null || comment != null || hearing != null || expert != null || risk != null || supplement != null;
    }
}
