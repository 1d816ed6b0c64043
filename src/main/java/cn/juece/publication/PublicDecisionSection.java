package cn.juece.publication;

import org.springframework.ui.Model;

import cn.juece.decision.Decision;

/**
 * A part of the portal's page of a published decision contributed by a later stage (execution, Art. 53–55 and the
 * openness excerpt's 决策执行公开): it adds what its part of the page shows to the model.
 */
public interface PublicDecisionSection {

    void fill(Model model, Decision decision);
}
