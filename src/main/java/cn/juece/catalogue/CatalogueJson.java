package cn.juece.catalogue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.juece.identity.Directory;

/** A catalogue as /api shows it: codes for programs, Chinese labels for people. */
record CatalogueJson(String key, String title, int year, Labelled status, LocalDate partyApprovalDate,
                     String partyApprovalDocument, OffsetDateTime publishedAt, List<Item> items, List<Change> changes,
                     List<Request> changeRequests, List<CatalogueService.OpenStep> openSteps) {

    record Labelled(String code, String label) {
    }

    record Summary(String key, String title, int year, Labelled status, OffsetDateTime publishedAt) {
    }

    record Item(long id, int seqNo, String name, Labelled leadUnit, List<Labelled> coUnits, String legalBasis,
                String plannedTime, boolean hearingPlanned, boolean enterpriseRelated, boolean removed,
                String decisionNumber) {
    }

    record Change(long id, long itemId, Labelled kind, String summary, String reason, Long requestId,
                  OffsetDateTime changedAt) {
    }

    record Request(long id, Long decisionId, String reason, Labelled status, String resolution, OffsetDateTime createdAt) {
    }

    static Summary summary(Catalogue c, CatalogueService s) {
        return new Summary(c.key(), s.title(c), c.year(), new Labelled(c.status().name(), c.status().label()), c.publishedAt());
    }

    static CatalogueJson of(Catalogue c, CatalogueService s, Directory directory) {
        return new CatalogueJson(c.key(), s.title(c), c.year(), new Labelled(c.status().name(), c.status().label()),
                c.partyApprovalDate(), c.partyApprovalDoc(), c.publishedAt(),
                s.items(c).stream().map(i -> item(i, directory, s)).toList(),
                s.changes(c).stream().map(ch -> new Change(ch.id(), ch.itemId(), new Labelled(ch.kind().name(), ch.kind().label()),
                        ch.summary(), ch.reason(), ch.requestId(), ch.changedAt())).toList(),
                s.requests(c).stream().map(r -> new Request(r.id(), r.decisionId(), r.reason(),
                        new Labelled(r.status().name(), r.status().label()), r.resolution(), r.createdAt())).toList(),
                s.openSteps(c));
    }

    static Item item(CatalogueItem i, Directory directory, CatalogueService s) {
        return new Item(i.id(), i.seqNo(), i.name(), new Labelled(i.leadUnit(), directory.unitName(i.leadUnit())),
                i.coUnits().stream().map(u -> new Labelled(u, directory.unitName(u))).toList(), i.legalBasis(),
                i.plannedTime(), i.hearingPlanned(), i.enterpriseRelated(), i.removed(),
                i.decisionId() == null ? null : s.decisionNumber(i.decisionId()));
    }
}
