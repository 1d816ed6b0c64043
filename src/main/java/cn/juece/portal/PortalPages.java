package cn.juece.portal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.archive.ArchiveService;
import cn.juece.catalogue.Catalogue;
import cn.juece.catalogue.CatalogueItem;
import cn.juece.catalogue.CatalogueService;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionStatus;
import cn.juece.identity.Directory;
import cn.juece.meeting.MeetingService;
import cn.juece.publication.PublicationService;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public portal (no login, Chinese, works without JavaScript): the year's published catalogue with its
 * change history and each item's decision trail, the written-proposal form (Art. 11) with its receipt, and
 * lookup by receipt number. Every value is written with th:text (escaped).
 */
@Controller
@PublicPortal
class PortalPages {

    private final CatalogueService catalogues;
    private final PublicProposalService proposals;
    private final DecisionService decisions;
    private final MeetingService meetings;
    private final PublicationService publications;
    private final ArchiveService archive;
    private final Directory directory;
    private final AppClock clock;
    private final cn.juece.participation.PublicCommentService comments;

    private final cn.juece.drafting.ArrangementService arrangements;
    private final cn.juece.risk.RiskService risk;
    private final cn.juece.expert.ExpertReviewService experts;
    private final FormOnce forms;

    PortalPages(CatalogueService catalogues, PublicProposalService proposals, DecisionService decisions, Directory directory,
                AppClock clock, cn.juece.participation.PublicCommentService comments,
                cn.juece.drafting.ArrangementService arrangements, MeetingService meetings, PublicationService publications,
                ArchiveService archive, cn.juece.risk.RiskService risk, cn.juece.expert.ExpertReviewService experts, FormOnce forms) {
        this.forms = forms;
        this.risk = risk;
        this.experts = experts;
        this.decisions = decisions;
        this.meetings = meetings;
        this.publications = publications;
        this.archive = archive;
        this.arrangements = arrangements;
        this.comments = comments;
        this.catalogues = catalogues;
        this.proposals = proposals;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping({"/public", "/public/"})
    String index(@RequestParam(required = false) String organ, Model model) {
        // Art. 64: every organ's published catalogues, or one organ's (?organ=QQ)
        String scope = PortalOrgans.scope(directory, organ);
        model.addAttribute("catalogues", catalogues.listOf(scope).stream().filter(Catalogue::published).toList());
        model.addAttribute("organ", scope == null ? "" : scope);
        model.addAttribute("organChoices", directory.organs());
        model.addAttribute("titles", catalogues);
        return "public/index";
    }

    @GetMapping("/public/catalogue/{year}")
    String catalogue(@PathVariable int year, @RequestParam(required = false) String organ, Model model) {
        Catalogue c = published(organ, year);
        model.addAttribute("c", c);
        model.addAttribute("title", catalogues.title(c));
        model.addAttribute("items", catalogues.items(c));
        model.addAttribute("changes", catalogues.changes(c));
        // Matters launched outside the catalogue, once the justice bureau has resolved them (DECISIONS.md 2)
        model.addAttribute("outside", catalogues.requests(c).stream()
                .filter(r -> r.status() != cn.juece.catalogue.ChangeRequest.Status.OPEN && r.decisionId() != null).toList());
        model.addAttribute("directory", directory);
        model.addAttribute("labels", new DecisionLabels(catalogues, directory));
        return "public/catalogue";
    }

    @GetMapping("/public/catalogue/{year}/items/{itemId}")
    String item(@PathVariable int year, @PathVariable long itemId, @RequestParam(required = false) String organ, Model model) {
        Catalogue c = published(organ, year);
        CatalogueItem item = catalogues.item(c, itemId);
        model.addAttribute("c", c);
        model.addAttribute("title", catalogues.title(c));
        model.addAttribute("item", item);
        model.addAttribute("labels", new DecisionLabels(catalogues, directory));
        model.addAttribute("directory", directory);
        model.addAttribute("changes", catalogues.changes(c).stream().filter(ch -> ch.itemId() == item.id()).toList());
        if (item.decisionId() != null) {
            Decision d = catalogues.decision(item.decisionId());
            model.addAttribute("decision", d);
            model.addAttribute("trail", trail(d));
            // The trail as it grows (openness excerpt): the draft with the comment notice, the adoption, the
            // meeting's review and the result, the publication. Each from its fact row (DECISIONS.md 25).
            // Art. 17: where the law forbids publishing the draft, only the fact is public, never the reason
            var participation = arrangements.arrangements(d.id()).get(cn.juece.drafting.Procedure.PARTICIPATION);
            model.addAttribute("participationExempt", participation != null && !participation.required());
            var consultations = comments.ofDecision(d.id());
            model.addAttribute("consultations", consultations);
            model.addAttribute("consultationStatus", consultations.stream().collect(java.util.stream.Collectors.toMap(
                    cn.juece.participation.Consultation::id, x -> comments.effectiveStatus(x).label())));
            model.addAttribute("meeting", meetings.latestDecision(d.id()).map(MeetingService.MeetingDecision::withMeeting).orElse(null));
            model.addAttribute("publication", publications.publication(d.id()).orElse(null));
            // Art. 36-40: that a risk assessment was held and when; the level and the organ's finding stay unpublished
            model.addAttribute("riskHeld", risk.assessmentsHeld(d.id()));
            // Art. 35: that an expert review was held and when; the experts and their opinions only when published
            model.addAttribute("expertReview", experts.publicReview(d.id()).orElse(null));
        }
        return "public/item";
    }

    @GetMapping("/public/catalogue/{year}/export.csv")
    ResponseEntity<byte[]> export(@PathVariable int year, @RequestParam(required = false) String organ) {
        Catalogue c = published(organ, year);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(catalogues.title(c) + ".csv", StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(catalogues.csv(c).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/public/proposals/new")
    String proposalForm(@RequestParam(required = false) String organ, Model model) {
        model.addAttribute("form", Map.of("organ", nz(organ)));
        model.addAttribute("organChoices", directory.organs());
        return "public/proposal-form";
    }

    @PostMapping("/public/proposals")
    String submit(@RequestParam(required = false) String name, @RequestParam(required = false) String contact,
                  @RequestParam(required = false) String title, @RequestParam(required = false) String content,
                  @RequestParam(required = false) String organ, @RequestParam(name = FormOnce.PARAM, required = false) String formToken,
                  Model model, HttpServletResponse response) {
        try {
            // Art. 11: a proposal sent twice is registered once
            FormOnce.Outcome taken = forms.submit(FormOnce.key(formToken, name, contact, title, content, organ), "PROPOSAL",
                    () -> proposals.submit(name, contact, title, content, organ).receiptNo());
            model.addAttribute("p", proposals.lookup(taken.receipt()).orElseThrow());
            model.addAttribute("repeated", taken.repeated());
            return "public/proposal-receipt";
        } catch (RuleViolation e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.chineseMessage());
            model.addAttribute("code", e.code());
            model.addAttribute("form", Map.of("name", nz(name), "contact", nz(contact), "title", nz(title), "content", nz(content),
                    "organ", nz(organ)));
            model.addAttribute("organChoices", directory.organs());
            return "public/proposal-form";
        }
    }

    @GetMapping("/public/proposals/lookup")
    String lookup(@RequestParam(required = false) String receipt, Model model, HttpServletResponse response) {
        model.addAttribute("receipt", receipt == null ? "" : receipt);
        if (receipt != null && !receipt.isBlank()) {
            Optional<PublicProposal> p = proposals.lookup(receipt);
            if (p.isPresent()) {
                model.addAttribute("p", p.get());
                proposals.decisionOf(p.get()).ifPresent(d -> model.addAttribute("decision", d));
            } else {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                model.addAttribute("error", "没有找到该回执号的建议。请核对回执号（12位字母和数字，如 ABCD-EFGH-JKMN）。");
            }
        }
        return "public/lookup";
    }

    /** One line of an item's public trail: when, and what happened. */
    public record TrailLine(java.time.OffsetDateTime at, String text) {
    }

    /**
     * Where the decision has been and how its procedure ended (from the stage rows), then its archive (Art. 59): the
     * trail ends with the day the dossier was filed and its archive number.
     */
    private List<TrailLine> trail(Decision d) {
        List<TrailLine> lines = new java.util.ArrayList<>();
        for (DecisionService.StageEntry e : decisions.stageEntries(d.id())) {
            lines.add(new TrailLine(e.enteredAt(), "进入第" + e.stage().number() + "阶段：" + e.stage().label()));
        }
        var filed = archive.record(d.id()).filter(ArchiveService.ArchiveRecord::filed);
        decisions.ending(d.id())
                .filter(end -> end.status() != DecisionStatus.ARCHIVED || filed.isEmpty())
                .ifPresent(end -> lines.add(new TrailLine(end.endedAt(), "决策程序结束：" + end.status().label())));
        filed.ifPresent(a -> lines.add(new TrailLine(a.filing().actedAt(), "已归档（档案号 " + a.archiveNumber() + "）")));
        return lines;
    }

    /** The organ's published catalogue of the year: the default organ's when none is named (Art. 4, 64). */
    private Catalogue published(String organ, int year) {
        String scope = PortalOrgans.scope(directory, organ);
        return (scope == null ? catalogues.find(year) : catalogues.find(scope, year)).filter(Catalogue::published)
                .orElseThrow(() -> RuleViolation.notFound("CATALOGUE_NOT_PUBLISHED", year + "年度重大行政决策事项目录尚未公布。"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Decision numbers and stages for the catalogue list. */
    public record DecisionLabels(CatalogueService catalogues, Directory directory) {
        public Decision of(Long id) {
            return id == null ? null : catalogues.decision(id);
        }

        public String units(List<String> codes) {
            return String.join("、", codes.stream().map(directory::unitName).toList());
        }
    }

    static List<String> plannedTimes() {
        return CatalogueService.PLANNED_TIMES;
    }
}
