package cn.juece.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import cn.juece.decision.Decision;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.identity.Organ;

/**
 * The one place that says which Camunda groups act for a party of a decision, read from the dossier (the
 * decision's units, the organ's justice bureau and office, and the units other features name): used by the
 * BPMN's candidate-group expressions ({@link Roles}), the completion check, material providers, handovers,
 * /api and the pages. A change of unit (Art. 12) reaches every one of them at once.
 */
@Service
public class Responsibilities {

    private final Directory directory;
    private final ObjectProvider<DecisionUnits> contributions;

    Responsibilities(Directory directory, ObjectProvider<DecisionUnits> contributions) {
        this.directory = directory;
        this.contributions = contributions;
    }

    /**
     * The groups acting for the party in this decision, in order (the first is the step's candidate group).
     *
     * @param subjectUnit for a party of one unit among several (a consulted unit's own step), that unit
     */
    public List<String> groups(Decision d, Responsible party, String subjectUnit) {
        Organ organ = directory.organ(d.organCode());
        return switch (party) {
            case STUDY_UNIT, LEAD_UNIT -> List.of(Groups.unit(d.leadUnit()));
            case LEAD_UNIT_LEGAL -> List.of(Groups.legalOffice(d.leadUnit()));
            case CO_UNIT -> subjectUnit != null ? List.of(Groups.unit(subjectUnit))
                    : d.coUnits().stream().map(Groups::unit).toList();
            case CONSULTED_UNIT -> subjectUnit != null ? List.of(Groups.unit(subjectUnit))
                    : contributed(d, party).stream().map(Groups::unit).toList();
            case JUSTICE_BUREAU -> List.of(Groups.unit(organ.justiceUnit()));
            case DECISION_ORGAN -> List.of(Groups.decisionOrgan(d.organCode()));
            case EXECUTIVE_HEAD -> List.of(Groups.executiveHead(d.organCode()));
            case COUNTY_LEADER -> List.of(Groups.members(d.organCode()));
            case GOV_OFFICE -> List.of(Groups.unit(organ.officeUnit()));
            case RISK_ASSESSOR -> {
                Set<String> named = contributed(d, party);
                yield named.isEmpty() ? List.of(Groups.unit(d.leadUnit())) : named.stream().map(Groups::unit).toList();
            }
            // Art. 53, 56: the units the decision organ names; nobody stands in for them (empty until named). A unit's
            // own step (its execution reports) belongs to that unit alone.
            case EXECUTION_UNIT -> subjectUnit != null ? List.of(Groups.unit(subjectUnit))
                    : contributed(d, party).stream().map(Groups::unit).toList();
            case EVALUATOR -> contributed(d, party).stream().map(Groups::unit).toList();
        };
    }

    public List<String> groups(Decision d, Collection<Responsible> parties) {
        Set<String> all = new LinkedHashSet<>();
        parties.forEach(p -> all.addAll(groups(d, p, null)));
        return new ArrayList<>(all);
    }

    /** The group among these that the person acts for, or null. */
    public String actingFor(Actor actor, List<String> groups) {
        return groups.stream().filter(g -> actor.groups().contains(g)).findFirst().orElse(null);
    }

    /**
     * The groups whose members may hand a step of this group to a colleague (Art. 60: attributable): the head
     * of the unit the group belongs to. Organ-wide groups (decision organ, executive head) have no head here.
     */
    public List<String> headsOf(String group) {
        if (group == null) {
            return List.of();
        }
        String unit = group.endsWith("-legal") ? group.substring(0, group.length() - "-legal".length()) : group;
        return directory.organs().stream().anyMatch(o -> directory.units(o.code()).stream().anyMatch(u -> u.code().equals(unit)))
                ? List.of(Groups.unitHead(unit)) : List.of();
    }

    /** Chinese names of the groups, for messages. */
    public String names(Collection<String> groups) {
        return String.join("、", groups.stream().map(directory::groupName).toList());
    }

    /** The features' queries for the decisions in which the units {@code :units} have a role (paged lists, issue 17). */
    java.util.List<String> contributedDecisionIdsSql() {
        return contributions.orderedStream().map(DecisionUnits::decisionIdsOfUnitsSql).toList();
    }

    /** Every unit another feature gives a role in the decision (consulted units, assessor, execution units, …). */
    Set<String> contributedUnits(Decision d) {
        Set<String> all = new LinkedHashSet<>();
        contributions.orderedStream().forEach(c -> all.addAll(c.unitsOf(d)));
        return all;
    }

    private Set<String> contributed(Decision d, Responsible party) {
        Set<String> units = new LinkedHashSet<>();
        contributions.orderedStream().filter(c -> c.party() == party).forEach(c -> units.addAll(c.unitsOf(d)));
        return units;
    }
}
