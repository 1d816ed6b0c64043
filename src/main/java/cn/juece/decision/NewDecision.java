package cn.juece.decision;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A proposal registered as a decision matter (Art. 11). The lead unit is the unit that studies the
 * proposal and, once launched, drafts (Art. 12): for a department's or lower government's own proposal,
 * the proposer itself. The deciding organ (Art. 64) is the lead unit's; one who belongs to several organs may name it
 * ({@code organ}), and it must be one of theirs.
 */
public record NewDecision(
        @NotBlank(message = "请填写决策事项名称") @Size(max = 200, message = "决策事项名称不超过200字") String title,
        @Size(max = 4000, message = "事项概要不超过4000字") String summary,
        Art3Category category,
        @NotNull(message = "请选择建议来源（第十一条）") ProposalSource source,
        @Size(max = 32) String sourceChannel,
        @Size(max = 200, message = "建议人不超过200字") String proposer,
        @NotBlank(message = "请选择研究论证和承办单位") String leadUnit,
        List<String> coUnits,
        @Size(max = 16) String organ) {

    /** A matter of the lead unit's organ (Art. 64): the organ is not named. */
    public NewDecision(String title, String summary, Art3Category category, ProposalSource source, String sourceChannel,
                       String proposer, String leadUnit, List<String> coUnits) {
        this(title, summary, category, source, sourceChannel, proposer, leadUnit, coUnits, null);
    }
}
