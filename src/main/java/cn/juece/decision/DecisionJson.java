package cn.juece.decision;

import java.time.OffsetDateTime;
import java.util.List;

import cn.juece.identity.Directory;

/** A decision as /api shows it: codes for programs and Chinese labels for people. */
public record DecisionJson(String number, String title, String summary, Labelled category, Labelled source,
                           String sourceChannel, String proposer, Labelled leadUnit, List<Labelled> coUnits,
                           Labelled stage, List<Labelled> stages, Labelled status, Labelled outcome, OffsetDateTime endedAt,
                           String processInstanceId, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                           String organ) {

    public record Labelled(String code, String label) {
    }

    /**
     * @param stages the stages the decision is in now (4-6 run in parallel); {@code stage} is the last one entered
     * @param ending how and when the procedure ended (kept once archived: 不适用本规定, 不同意, 停止执行, …), or null
     * (the record's {@code organ} is the deciding organ's code, Art. 64)
     */
    static DecisionJson of(Decision d, List<Stage> stages, Directory directory, DecisionService.Ending ending) {
        return new DecisionJson(d.number(), d.title(), d.summary(),
                d.category() == null ? null : new Labelled(d.category().name(), d.category().label()),
                new Labelled(d.source().name(), d.source().label()), d.sourceChannel(), d.proposer(),
                new Labelled(d.leadUnit(), directory.unitName(d.leadUnit())),
                d.coUnits().stream().map(u -> new Labelled(u, directory.unitName(u))).toList(),
                new Labelled(d.stage().name(), d.stage().label()),
                stages.stream().map(s -> new Labelled(s.name(), s.label())).toList(),
                new Labelled(d.status().name(), d.status().label()),
                ending == null ? null : new Labelled(ending.status().name(), ending.status().label()),
                ending == null ? null : ending.endedAt(),
                d.processInstanceId(), d.createdBy(), d.createdAt(), d.updatedAt(), d.organCode());
    }
}
