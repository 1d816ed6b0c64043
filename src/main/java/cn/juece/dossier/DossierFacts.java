package cn.juece.dossier;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.juece.decision.Decision;
import cn.juece.identity.Directory;

/**
 * Every recorded fact of a decision (DECISIONS.md 25), from every feature's {@link FactSource}, in the order
 * they were recorded, with the names of who acted and for which group.
 */
@Service
public class DossierFacts {

    private final List<FactSource> sources;
    private final Directory directory;

    DossierFacts(List<FactSource> sources, Directory directory) {
        this.sources = sources;
        this.directory = directory;
    }

    public List<DossierFact> of(Decision decision) {
        return sources.stream().flatMap(s -> s.facts(decision).stream())
                .sorted(Comparator.comparing(DossierFact::actedAt).thenComparingInt(DossierFact::stage))
                .map(f -> f.named(directory.displayName(f.actedBy()), f.actedFor() == null ? null : directory.groupName(f.actedFor())))
                .toList();
    }
}
