package cn.juece.participation;

import org.springframework.stereotype.Component;

import cn.juece.decision.Decision;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.support.RuleViolation;

/** Public participation is organised by the decision's lead unit (Art. 17), while the procedure is open. */
@Component
class LeadUnitCheck {

    private final Directory directory;

    LeadUnitCheck(Directory directory) {
        this.directory = directory;
    }

    /** The person acting, if they belong to the lead unit and the decision is open; a refusal otherwise. */
    Actor require(Decision d, String what, String article) {
        Actor actor = directory.currentActor();
        if (!actor.isSystem() && !actor.groups().contains(d.leadUnit())) {
            throw RuleViolation.forbidden("NOT_LEAD_UNIT", what + "由决策承办单位（" + directory.unitName(d.leadUnit()) + "）组织（" + article + "）。");
        }
        if (!d.isOpen()) {
            throw new RuleViolation("DECISION_CLOSED", "决策事项的程序已结束（" + d.status().label() + "）。");
        }
        return actor;
    }
}
