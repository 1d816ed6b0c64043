package cn.juece.catalogue;

import java.util.List;

import cn.juece.decision.NewDecision;
import cn.juece.decision.ProposalSource;

/**
 * The one place where the catalogue and the portal build a {@link NewDecision} (registering a decision from a
 * catalogue item or a public proposal): when decision creation gains fields, only this line changes.
 */
public final class DecisionRequests {

    private DecisionRequests() {
    }

    public static NewDecision of(String title, String summary, ProposalSource source, String channel, String proposer,
                                 String leadUnit, List<String> coUnits) {
        return new NewDecision(title, summary, null, source, channel, proposer, leadUnit, coUnits);
    }
}
