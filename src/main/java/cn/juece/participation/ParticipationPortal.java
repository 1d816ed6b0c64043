package cn.juece.participation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.meeting.MeetingService;
import cn.juece.portal.FormOnce;
import cn.juece.portal.PublicPortal;
import cn.juece.portal.ReceiptNumbers;
import cn.juece.publication.PublicationService;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's decision column for public comment (Art. 18, 20): open consultations with their deadline,
 * the draft and its explanation, how to comment, the opinions shown after moderation, counts and the
 * feedback; the comment form and lookup by receipt. No login; every value written escaped (th:text);
 * submissions go through the portal's CSRF and rate limit. Intake never touches the process instance.
 */
@Controller
@PublicPortal
class ParticipationPortal {

    private final PublicCommentService comments;
    private final DecisionService decisions;
    private final MaterialService materials;
    private final AppClock clock;
    private final HearingService hearings;
    private final QuestionnaireService questionnaires;
    private final PublicationService publications;
    private final MeetingService meetings;
    private final cn.juece.identity.Directory directory;
    private final FormOnce forms;

    ParticipationPortal(PublicCommentService comments, DecisionService decisions, MaterialService materials, AppClock clock,
                        HearingService hearings, QuestionnaireService questionnaires, PublicationService publications,
                        MeetingService meetings, cn.juece.identity.Directory directory, FormOnce forms) {
        this.directory = directory;
        this.forms = forms;
        this.publications = publications;
        this.meetings = meetings;
        this.hearings = hearings;
        this.questionnaires = questionnaires;
        this.comments = comments;
        this.decisions = decisions;
        this.materials = materials;
        this.clock = clock;
    }

    /** One page of the consultations, newest first (issue 17). */
    @GetMapping("/public/consultations")
    String list(@RequestParam(required = false) String page, @RequestParam(required = false) String size,
                @RequestParam(required = false) String organ, Model model) {
        int[] b = cn.juece.support.Page.bounds(pageParam(page), pageParam(size));
        // Art. 64: the consultations on one organ's decisions (?organ=QQ) or on every organ's
        String scope = cn.juece.portal.PortalOrgans.scope(directory, organ);
        var list = comments.recent(scope, b[0], b[1]);
        model.addAttribute("organ", scope == null ? "" : scope);
        model.addAttribute("organChoices", directory.organs());
        model.addAttribute("list", list);
        Map<Consultation, Decision> items = new LinkedHashMap<>();
        Map<Long, String> statuses = new LinkedHashMap<>();
        for (Consultation c : list.items()) {
            items.put(c, decisions.get(c.decisionId()));
            statuses.put(c.id(), comments.effectiveStatus(c).name());
        }
        model.addAttribute("items", items);
        model.addAttribute("statuses", statuses);
        model.addAttribute("today", clock.today());
        model.addAttribute("hearings", hearings.recent());
        model.addAttribute("questionnaires", questionnaires.recent());
        return "public/consultations";
    }

    @GetMapping("/public/consultations/{id}")
    String show(@PathVariable long id, Model model) {
        Consultation c = comments.consultation(id);
        fill(model, c);
        model.addAttribute("form", Map.of());
        return "public/consultation";
    }

    @PostMapping("/public/consultations/{id}/opinions")
    String comment(@PathVariable long id, @RequestParam(required = false) String authorName,
                   @RequestParam(required = false) String contact, @RequestParam(required = false) Boolean quotable,
                   @RequestParam(required = false) String content,
                   @RequestParam(required = false) org.springframework.web.multipart.MultipartFile attachment,
                   @RequestParam(name = FormOnce.PARAM, required = false) String formToken,
                   Model model, HttpServletResponse response) throws java.io.IOException {
        Consultation c = comments.consultation(id);
        try {
            boolean attached = attachment != null && !attachment.isEmpty();
            byte[] file = attached ? attachment.getBytes() : null;
            String fileName = attached ? attachment.getOriginalFilename() : null;
            // a form sent twice is answered with its first receipt and stored once (Art. 28-29 count each opinion once)
            FormOnce.Key key = FormOnce.key(formToken, authorName, contact, quotable, content, fileName, file);
            FormOnce.Outcome taken = forms.submitRecorded(key, () -> comments.submit(id, new PublicCommentService.Submission(
                    authorName, contact, Boolean.TRUE.equals(quotable), content, OpinionChannel.PORTAL, null), false,
                    fileName, file, key).receipt());
            model.addAttribute("c", c);
            model.addAttribute("receipt", ReceiptNumbers.display(taken.receipt()));
            model.addAttribute("repeated", taken.repeated());
            model.addAttribute("moderated", c.moderated());
            return "public/opinion-receipt";
        } catch (RuleViolation e) {
            response.setStatus(e.status().value());
            fill(model, c);
            model.addAttribute("error", e.chineseMessage());
            model.addAttribute("form", Map.of("authorName", nz(authorName), "contact", nz(contact), "content", nz(content)));
            // a browser never refills a file field: say so beside the kept text
            model.addAttribute("attachmentDropped", attachment != null && !attachment.isEmpty());
            return "public/consultation";
        }
    }

    @GetMapping("/public/consultations/lookup")
    String lookup(@RequestParam(required = false) String receipt, Model model, HttpServletResponse response) {
        model.addAttribute("receipt", receipt == null ? "" : receipt);
        if (receipt != null && !receipt.isBlank()) {
            try {
                model.addAttribute("result", comments.lookup(receipt));
            } catch (RuleViolation e) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                model.addAttribute("error", "没有找到该回执号的意见。请核对回执号（12位字母和数字，如 ABCD-EFGH-JKMN）。");
            }
        }
        return "public/opinion-lookup";
    }

    /**
     * Published decisions (Art. 52; openness excerpt): each with its publication, the meeting's result and the
     * feedback on the opinions of its consultations, read from the publication and meeting facts (DECISIONS.md 25).
     */
    @GetMapping("/public/decisions")
    String published(@RequestParam(required = false) String page, @RequestParam(required = false) String size,
                     @RequestParam(required = false) String organ, Model model) {
        int[] b = cn.juece.support.Page.bounds(pageParam(page), pageParam(size));
        // Art. 64: one organ's published decisions (?organ=QQ) or every organ's
        String scope = cn.juece.portal.PortalOrgans.scope(directory, organ);
        var list = publications.published(scope, b[0], b[1]);
        model.addAttribute("organ", scope == null ? "" : scope);
        model.addAttribute("organChoices", directory.organs());
        model.addAttribute("list", list);
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        var published = list.items();
        var results = meetings.latestDecisions(published.stream().map(PublicationService.Publication::decisionId).toList());
        for (PublicationService.Publication p : published) {
            Decision d = decisions.get(p.decisionId());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("d", d);
            row.put("publishedAt", p.publishedAt());
            row.put("how", p.how() == null ? "" : p.how());
            var meeting = results.get(d.id());
            row.put("meeting", meeting == null ? "" : meeting.resultLabel());
            row.put("consultations", comments.ofDecision(d.id()));
            rows.add(row);
        }
        model.addAttribute("rows", rows);
        return "public/decisions";
    }

    /** Art. 23-24: the hearing notice, how and until when to apply, the selection method and the participants. */
    @GetMapping("/public/hearings/{id}")
    String hearing(@PathVariable long id, Model model) {
        Hearing h = hearings.get(id);
        model.addAttribute("h", h);
        model.addAttribute("d", decisions.get(h.decisionId()));
        model.addAttribute("open", h.status() == Hearing.Status.NOTICED
                && !clock.now().isAfter(cn.juece.calendar.Periods.endOfDay(h.applyUntil()).toOffsetDateTime()));
        model.addAttribute("form", Map.of());
        return "public/hearing";
    }

    @PostMapping("/public/hearings/{id}/applications")
    String apply(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String contact,
                 @RequestParam(required = false) String side, @RequestParam(required = false) Boolean stakeholder,
                 @RequestParam(required = false) String statement,
                 @RequestParam(name = FormOnce.PARAM, required = false) String formToken, Model model, HttpServletResponse response) {
        try {
            // Art. 24: one application per form, however often it is sent
            FormOnce.Outcome taken = forms.submit(FormOnce.key(formToken, name, contact, side, stakeholder, statement), "HEARING_APPLICATION",
                    () -> hearings.apply(id, name, contact, side, Boolean.TRUE.equals(stakeholder), statement).receipt());
            model.addAttribute("h", hearings.get(id));
            model.addAttribute("receipt", ReceiptNumbers.display(taken.receipt()));
            model.addAttribute("repeated", taken.repeated());
            return "public/hearing-receipt";
        } catch (RuleViolation e) {
            response.setStatus(e.status().value());
            hearing(id, model);
            model.addAttribute("error", e.chineseMessage());
            model.addAttribute("form", Map.of("name", nz(name), "contact", nz(contact), "side", nz(side), "statement", nz(statement)));
            return "public/hearing";
        }
    }

    /** Art. 27: a questionnaire answered without an account; its tally once answered. */
    @GetMapping("/public/questionnaires/{id}")
    String questionnaire(@PathVariable long id, Model model) {
        var q = questionnaires.get(id);
        model.addAttribute("q", q);
        model.addAttribute("open", !clock.now().isAfter(cn.juece.calendar.Periods.endOfDay(q.closesOn()).toOffsetDateTime()));
        return "public/questionnaire";
    }

    @PostMapping("/public/questionnaires/{id}/responses")
    String answer(@PathVariable long id, @RequestParam(name = FormOnce.PARAM, required = false) String formToken,
                  jakarta.servlet.http.HttpServletRequest request, Model model, HttpServletResponse response) {
        var q = questionnaires.get(id);
        List<QuestionnaireService.Answer> answers = new java.util.ArrayList<>();
        for (var question : q.questions()) {
            String[] values = request.getParameterValues("q" + question.id());
            if (values == null) {
                continue;
            }
            if (question.kind() == QuestionnaireService.Kind.TEXT) {
                answers.add(new QuestionnaireService.Answer(question.id(), null, values[0]));
            } else {
                try {
                    answers.add(new QuestionnaireService.Answer(question.id(),
                            java.util.Arrays.stream(values).map(Integer::valueOf).toList(), null));
                } catch (NumberFormatException e) {
                    throw RuleViolation.badRequest("ANSWER_INVALID", "第" + question.position() + "题的选择无效。");
                }
            }
        }
        try {
            // Art. 27: a questionnaire sent twice is tallied once
            FormOnce.Outcome taken = forms.submit(FormOnce.key(formToken, answers), "QUESTIONNAIRE_RESPONSE", () -> questionnaires.submit(id, answers));
            model.addAttribute("receipt", ReceiptNumbers.display(taken.receipt()));
            model.addAttribute("repeated", taken.repeated());
            return results(id, model);
        } catch (RuleViolation e) {
            response.setStatus(e.status().value());
            questionnaire(id, model);
            model.addAttribute("error", e.chineseMessage());
            return "public/questionnaire";
        }
    }

    @GetMapping("/public/questionnaires/{id}/results")
    String results(@PathVariable long id, Model model) {
        model.addAttribute("q", questionnaires.get(id));
        var tally = questionnaires.tally(id);
        model.addAttribute("tally", tally);
        // Chart data for each question: labels one per line, counts comma-separated (the tables carry the same).
        model.addAttribute("chartLabels", tally.stream().map(t -> String.join("\n", t.counts().keySet())).toList());
        model.addAttribute("chartValues", tally.stream().map(t -> t.counts().values().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","))).toList());
        model.addAttribute("responses", questionnaires.responses(id));
        return "public/questionnaire-results";
    }

    /** The draft and its explanation, as published with the notice (Art. 20). */
    @GetMapping("/public/consultations/{id}/materials/{type}")
    ResponseEntity<byte[]> material(@PathVariable long id, @PathVariable String type) {
        Consultation c = comments.consultation(id);
        MaterialType t = "DRAFT".equals(type) ? MaterialType.DRAFT : "DRAFTING_EXPLANATION".equals(type) ? MaterialType.DRAFTING_EXPLANATION : null;
        if (t == null) {
            throw RuleViolation.notFound("MATERIAL_NOT_PUBLIC", "该材料不公开。");
        }
        Decision d = decisions.get(c.decisionId());
        var v = materials.latest(d.id(), t).orElseThrow(() -> RuleViolation.notFound("MATERIAL_NOT_FOUND", "材料不存在。"));
        return cn.juece.dossier.MaterialDownloads.attachment(materials.download(d.number(), v.id()));
    }

    /** The consultation with one page of its published opinions (issue 17: parameter page), counts by query. */
    private void fill(Model model, Consultation c) {
        Decision d = decisions.get(c.decisionId());
        boolean feedback = c.status() == ConsultationStatus.FEEDBACK_PUBLISHED;
        var request = ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
        int[] b = cn.juece.support.Page.bounds(pageParam(request.getParameter("page")), pageParam(request.getParameter("size")));
        var page = comments.opinions(c.id(), true, b[0], b[1]);
        Map<Opinion, String> shown = new LinkedHashMap<>();
        page.items().forEach(o -> shown.put(o, feedback ? comments.answerOf(o) : null));
        Map<String, Long> adoption = new LinkedHashMap<>();
        if (feedback) {
            Map<Adoption, Long> counts = comments.adoptionCounts(c.id());
            for (Adoption a : Adoption.values()) {
                adoption.put(a.label(), counts.getOrDefault(a, 0L));
            }
        }
        model.addAttribute("shownPage", page);
        model.addAttribute("c", c);
        model.addAttribute("d", d);
        model.addAttribute("status", comments.effectiveStatus(c).name());
        model.addAttribute("statusLabel", comments.effectiveStatus(c).label());
        model.addAttribute("total", comments.countOpinions(c.id()));
        model.addAttribute("shown", shown);
        model.addAttribute("adoption", adoption);
        model.addAttribute("hasDraft", materials.latest(d.id(), MaterialType.DRAFT).isPresent());
        model.addAttribute("hasExplanation", materials.latest(d.id(), MaterialType.DRAFTING_EXPLANATION).isPresent());
    }

    private static Integer pageParam(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw RuleViolation.badRequest("PAGE_INVALID", "页码从0开始，每页1至" + cn.juece.support.Page.MAX_SIZE + "条。");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
