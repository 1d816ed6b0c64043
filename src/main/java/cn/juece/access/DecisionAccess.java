package cn.juece.access;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.identity.Organ;
import cn.juece.support.RuleViolation;

/**
 * Who may see a decision and who may act for it, in one place (DECISIONS.md 22, 23). Staff see a decision when
 * their unit has a role in it (lead and other 承办 units, consulted units, assessor, execution units, evaluator)
 * or their role covers the whole organ (justice bureau, government office, decision organ, executive head,
 * government members, administrators, operators). Anyone else is answered exactly as for a number that does not
 * exist, so an answer never reveals that a decision exists.
 */
@Service
public class DecisionAccess {

    private final DecisionService decisions;
    private final Directory directory;
    private final Responsibilities responsibilities;

    DecisionAccess(DecisionService decisions, Directory directory, Responsibilities responsibilities) {
        this.decisions = decisions;
        this.directory = directory;
        this.responsibilities = responsibilities;
    }

    /** Whether the person's role covers every decision of the organ. */
    public boolean organWide(Actor actor, String organCode) {
        if (actor.isSystem()) {
            return true;
        }
        return actor.inAnyGroup(List.of(Groups.ADMIN, Groups.OPERATOR)) || actor.inAnyGroup(organWideGroups(organCode));
    }

    /**
     * The groups whose role covers every decision of the organ (Art. 64: of that organ only): its decision organ,
     * executive head, members, justice bureau and office.
     */
    public List<String> organWideGroups(String organCode) {
        Organ organ = directory.organ(organCode);
        return List.of(Groups.decisionOrgan(organCode), Groups.executiveHead(organCode), Groups.members(organCode),
                Groups.unit(organ.justiceUnit()), Groups.unit(organ.officeUnit()));
    }

    /** The units with a role in the decision (Art. 11, 12, 16, 36, 53, 56). */
    public Set<String> involvedUnits(Decision d) {
        Set<String> units = new java.util.LinkedHashSet<>();
        units.add(d.leadUnit());
        units.addAll(d.coUnits());
        units.addAll(responsibilities.contributedUnits(d));
        return units;
    }

    /**
     * Staff see only their organs' matters (Art. 64), and within them what their role or their units' roles give them
     * (DECISIONS.md 23).
     */
    public boolean maySee(Actor actor, Decision d) {
        return maySee(actor, d, actor.isSystem() ? null : directory.organsOf(actor));
    }

    /** As {@link #maySee(Actor, Decision)}, with the person's organs already known (null: every organ). */
    private boolean maySee(Actor actor, Decision d, List<String> organs) {
        if (organs != null && !organs.contains(d.organCode())) {
            return false;
        }
        if (organWide(actor, d.organCode()) || actor.groups().contains(Groups.unit(d.leadUnit()))
                || d.coUnits().stream().map(Groups::unit).anyMatch(actor.groups()::contains)) {
            return true;
        }
        // the units other features name are read only when the decision's own units do not answer (issue 17)
        return responsibilities.contributedUnits(d).stream().map(Groups::unit).anyMatch(actor.groups()::contains);
    }

    /** The decision if the person acting now may see it; otherwise the very refusal an unknown number gets. */
    public Decision visible(String number) {
        Decision d = decisions.get(number);
        if (!maySee(directory.currentActor(), d)) {
            throw DecisionService.notFound(number);
        }
        return d;
    }

    public Decision visible(long id) {
        Decision d = decisions.get(id);
        if (!maySee(directory.currentActor(), d)) {
            throw DecisionService.notFound(d.number());
        }
        return d;
    }

    /**
     * Which decisions of the organ the person may see, as the paged lists query it (issue 17): the same answer as
     * {@link #maySee} (organ-wide roles see all; others where one of their units has a role).
     */
    public cn.juece.decision.DecisionRepository.Visibility visibility(Actor actor, String organCode) {
        if (organWide(actor, organCode)) {
            return cn.juece.decision.DecisionRepository.Visibility.all();
        }
        return new cn.juece.decision.DecisionRepository.Visibility(new java.util.LinkedHashSet<>(actor.groups()),
                responsibilities.contributedDecisionIdsSql());
    }

    /**
     * Which decisions of these organs the person may see (Art. 64): every decision of the organs where their role is
     * organ-wide, and elsewhere those in which one of their units has a role.
     */
    public cn.juece.decision.DecisionRepository.Visibility visibility(Actor actor, java.util.Collection<String> organCodes) {
        List<String> wide = organCodes.stream().filter(o -> organWide(actor, o)).toList();
        if (wide.size() == organCodes.size()) {
            return cn.juece.decision.DecisionRepository.Visibility.all();
        }
        return new cn.juece.decision.DecisionRepository.Visibility(new java.util.LinkedHashSet<>(actor.groups()),
                responsibilities.contributedDecisionIdsSql(), wide);
    }

    /** One page of the decisions the person acting now may see, of all their organs (Art. 64; issue 17). */
    public cn.juece.support.Page<Decision> visiblePage(cn.juece.decision.Stage stage, String numberPrefix, String sort, int page, int size) {
        return visiblePage(null, stage, numberPrefix, sort, page, size);
    }

    /**
     * One page of the decisions the person acting now may see, of one of their organs ({@code organ}, e.g. ?organ=QQ)
     * or of all of them (null or blank). An organ not theirs is refused (Art. 64).
     */
    public cn.juece.support.Page<Decision> visiblePage(String organ, cn.juece.decision.Stage stage, String numberPrefix, String sort,
                                                       int page, int size) {
        Actor actor = directory.currentActor();
        List<String> organs = organ == null || organ.isBlank() ? directory.organsOf(actor) : List.of(directory.organFor(actor, organ));
        return decisions.page(organs, visibility(actor, organs), stage, numberPrefix, sort, page, size);
    }

    /** The organs the person acting now belongs to (Art. 64). */
    public List<String> organs() {
        return directory.organsOf(directory.currentActor());
    }

    /** The decisions of this list the person acting now may see. */
    public List<Decision> visibleOf(List<Decision> list) {
        Actor actor = directory.currentActor();
        List<String> organs = actor.isSystem() ? null : directory.organsOf(actor);
        return list.stream().filter(d -> maySee(actor, d, organs)).toList();
    }

    /**
     * The person acting now, when they act for one of these parties of the decision and the procedure is open;
     * a refusal naming who acts otherwise.
     *
     * @param what    the act, for the message (e.g. "研究论证")
     * @param article the article that gives the act to those parties (e.g. "第十一条")
     */
    public Actor require(Decision d, String what, String article, Responsible... parties) {
        Actor actor = directory.currentActor();
        if (!actsFor(actor, d, parties)) {
            List<String> groups = responsibilities.groups(d, Arrays.asList(parties));
            throw RuleViolation.forbidden(parties[0].refusalCode(), what + "由" + responsibilities.names(groups)
                    + "办理（" + article + "），您（" + actor.name() + "）无权办理。");
        }
        if (!d.isOpen()) {
            throw DecisionService.closed(d, what);
        }
        return actor;
    }

    /**
     * Whether the person acting now may act for one of these parties of the decision now (the procedure open): what
     * {@link #require} lets through, asked without a refusal, so that pages offer only the acts a person can take.
     */
    public boolean mayAct(Decision d, Responsible... parties) {
        return d.isOpen() && actsFor(directory.currentActor(), d, parties);
    }

    private boolean actsFor(Actor actor, Decision d, Responsible... parties) {
        return actor.isSystem() || actor.inAnyGroup(responsibilities.groups(d, Arrays.asList(parties)));
    }
}
