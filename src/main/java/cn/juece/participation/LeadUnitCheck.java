package cn.juece.participation;

import org.springframework.stereotype.Component;

import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsible;
import cn.juece.decision.Decision;
import cn.juece.identity.Actor;

/** Public participation is organised by the decision's lead unit (Art. 17), while the procedure is open. */
@Component
class LeadUnitCheck {

    private final DecisionAccess access;

    LeadUnitCheck(DecisionAccess access) {
        this.access = access;
    }

    /** The person acting, if they act for the lead unit and the decision is open; a refusal otherwise. */
    Actor require(Decision d, String what, String article) {
        return access.require(d, what, article, Responsible.LEAD_UNIT);
    }
}
