package cn.juece.participation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsible;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.web.StaffPage;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The participation page of a decision (Art. 17-29): public comment with every opinion, its moderation and
 * answer; symposiums; hearings; questionnaires; enterprises and associations. The lead unit acts here.
 */
@Controller
@StaffPage
class ParticipationPage {

    private final DecisionService decisions;
    private final PublicCommentService comments;
    private final SymposiumService symposiums;
    private final HearingService hearings;
    private final QuestionnaireService questionnaires;
    private final EnterpriseConsultationService enterprises;
    private final MaterialService materials;
    private final Directory directory;
    private final DecisionAccess access;
    private final AppClock clock;

    /** The materials the symposium, hearing and questionnaire sections show and take, with their articles. */
    private static final List<MaterialType> PARTICIPATION_MATERIALS = List.of(MaterialType.SYMPOSIUM_MINUTES,
            MaterialType.HEARING_RECORD, MaterialType.HEARING_REPORT, MaterialType.POLL_REPORT);

    ParticipationPage(DecisionService decisions, PublicCommentService comments, SymposiumService symposiums, HearingService hearings,
                      QuestionnaireService questionnaires, EnterpriseConsultationService enterprises, MaterialService materials,
                      Directory directory, DecisionAccess access, AppClock clock) {
        this.access = access;
        this.clock = clock;
        this.materials = materials;
        this.decisions = decisions;
        this.comments = comments;
        this.symposiums = symposiums;
        this.hearings = hearings;
        this.questionnaires = questionnaires;
        this.enterprises = enterprises;
        this.directory = directory;
    }

    /** The page's sections, one per method (Art. 18-27), each a collapsible part of the page. */
    static final List<String> SECTIONS = List.of("comment", "enterprise", "hearing", "symposium", "questionnaire");

    /**
     * @param open the section the clerk was working in (after a form, {@link #back(String, String)}); without it, the
     *             sections with something still to do are open
     */
    @GetMapping("/decisions/{number}/participation")
    String page(@PathVariable String number, @RequestParam(required = false) String open,
                @RequestParam Map<String, String> params, Model model) {
        Decision d = decisions.get(number);
        model.addAttribute("d", d);
        model.addAttribute("directory", directory);
        // Forms only for those who act here: the lead unit while the procedure is open (Art. 17-29); others read.
        model.addAttribute("mayAct", access.mayAct(d, Responsible.LEAD_UNIT));
        // each consultation's opinions one page at a time (issue 17): its page is the parameter op<consultation id>
        Map<Consultation, cn.juece.support.Page<Opinion>> consultations = new LinkedHashMap<>();
        Map<Long, String> statuses = new LinkedHashMap<>();
        Map<Long, ConsultationStatus> states = new LinkedHashMap<>();
        int opinionSize = cn.juece.support.Page.bounds(0, intParam(params, "opsize"))[1];
        for (Consultation c : comments.ofDecision(d.id())) {
            int p = cn.juece.support.Page.bounds(intParam(params, "op" + c.id()), opinionSize)[0];
            consultations.put(c, comments.opinions(c.id(), false, p, opinionSize));
            states.put(c.id(), comments.effectiveStatus(c));
            statuses.put(c.id(), states.get(c.id()).label());
        }
        model.addAttribute("consultations", consultations);
        model.addAttribute("statuses", statuses);
        model.addAttribute("states", states);
        // A new notice only when none is open (CONSULTATION_ALREADY_OPEN, Art. 20)
        model.addAttribute("noticeOpen", states.containsValue(ConsultationStatus.OPEN));
        model.addAttribute("adoptions", Adoption.values());
        model.addAttribute("channels", OpinionChannel.values());
        var ss = symposiums.ofDecision(d.id());
        model.addAttribute("symposiums", ss);
        Map<Long, List<String>> symposiumMissing = new LinkedHashMap<>();
        Map<Long, LocalDate> symposiumLatest = new LinkedHashMap<>();
        ss.forEach(s -> {
            symposiumMissing.put(s.id(), symposiums.missing(s).stream().map(RuleViolation::chineseMessage).toList());
            symposiumLatest.put(s.id(), symposiums.latestDelivery(s));
        });
        model.addAttribute("symposiumMissing", symposiumMissing);
        model.addAttribute("symposiumLatest", symposiumLatest);
        model.addAttribute("hearingRequired", hearings.required(d.id()));
        var hs = hearings.ofDecision(d.id());
        model.addAttribute("hearings", hs);
        Map<Long, List<String>> hearingMissing = new LinkedHashMap<>();
        Map<Long, LocalDate> hearingLatest = new LinkedHashMap<>();
        hs.forEach(h -> {
            hearingMissing.put(h.id(), hearings.missing(h).stream().map(RuleViolation::chineseMessage).toList());
            hearingLatest.put(h.id(), hearings.latestMaterialsDelivery(h));
        });
        model.addAttribute("hearingMissing", hearingMissing);
        model.addAttribute("hearingLatest", hearingLatest);
        Map<String, String> present = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        PARTICIPATION_MATERIALS.forEach(t -> {
            present.put(t.name(), materials.latest(d.id(), t).map(v -> v.fileName() + "（第" + v.versionNo() + "版）").orElse(null));
            labels.put(t.name(), "《" + t.label() + "》（" + t.article() + "）");
        });
        model.addAttribute("participationMaterials", present);
        model.addAttribute("materialLabels", labels);
        var qs = questionnaires.ofDecision(d.id());
        model.addAttribute("questionnaires", qs);
        Map<Long, List<QuestionnaireService.Tally>> tallies = new LinkedHashMap<>();
        Map<Long, Long> responses = new LinkedHashMap<>();
        qs.forEach(q -> {
            tallies.put(q.id(), questionnaires.tally(q.id()));
            responses.put(q.id(), questionnaires.responses(q.id()));
        });
        model.addAttribute("tallies", tallies);
        model.addAttribute("responses", responses);
        Boolean related = enterprises.related(d.id());
        var enterpriseOpinions = enterprises.opinions(d.id());
        model.addAttribute("enterpriseRelated", related);
        model.addAttribute("enterpriseOpinions", enterpriseOpinions);
        model.addAttribute("enterpriseKinds", EnterpriseConsultationService.Kind.values());

        // What each section still needs, in one line (shown on its heading), and which sections are open
        Map<String, String> summary = new LinkedHashMap<>();
        Set<String> pending = new LinkedHashSet<>();
        // an opinion is answered by its own answer or by its group's (Art. 29)
        long unanswered = consultations.keySet().stream().mapToLong(c -> comments.countUnanswered(c.id())).sum();
        long opinions = consultations.values().stream().mapToLong(cn.juece.support.Page::total).sum();
        summary.put("comment", consultations.isEmpty() ? "尚未发布征求意见公告"
                : String.join("、", statuses.values().stream().distinct().toList()) + "；收到意见" + opinions + "条，待答复" + unanswered + "条");
        if (states.values().stream().anyMatch(st -> st != ConsultationStatus.FEEDBACK_PUBLISHED)) {
            pending.add("comment");
        }
        long enterpriseUnanswered = enterpriseOpinions.stream().filter(o -> o.adoption() == null).count();
        summary.put("enterprise", related == null ? "尚未认定是否与企业生产经营活动密切相关" : !related ? "认定为不密切相关"
                : "应当听取意见：已听取" + enterpriseOpinions.size() + "家，待答复" + enterpriseUnanswered + "条");
        if (Boolean.TRUE.equals(related) && (enterpriseOpinions.isEmpty() || enterpriseUnanswered > 0)) {
            pending.add("enterprise");
        }
        Boolean required = hearings.required(d.id());
        long running = hs.stream().filter(h -> h.status() != Hearing.Status.REPORTED && h.status() != Hearing.Status.CANCELLED).count();
        boolean reported = hs.stream().anyMatch(h -> h.status() == Hearing.Status.REPORTED);
        summary.put("hearing", (required == null ? "尚未确定是否应当召开" : required ? "应当召开" : "不召开")
                + (hs.isEmpty() ? "" : "；听证会" + hs.size() + "场，" + (running > 0 ? "办理中" + running + "场" : reported ? "已形成听证报告" : "均已取消")));
        if (running > 0 || Boolean.TRUE.equals(required) && !reported) {
            pending.add("hearing");
        }
        long planned = ss.stream().filter(x -> x.status() == Symposium.Status.PLANNED || x.status() == Symposium.Status.CONFIRMED).count();
        summary.put("symposium", ss.isEmpty() ? "未安排座谈会" : "座谈会" + ss.size() + "场" + (planned > 0 ? "，待召开" + planned + "场" : ""));
        if (planned > 0) {
            pending.add("symposium");
        }
        long collecting = qs.stream().filter(q -> !q.closesOn().isBefore(clock.today())).count();
        summary.put("questionnaire", qs.isEmpty() ? "未发布问卷" : "问卷" + qs.size() + "份" + (collecting > 0 ? "，回收中" + collecting + "份" : ""));
        if (collecting > 0) {
            pending.add("questionnaire");
        }
        model.addAttribute("summary", summary);
        model.addAttribute("openSections", open != null && SECTIONS.contains(open) ? Set.of(open) : pending);
        return "participation";
    }

    /** A page number from the request's parameters, refused (PAGE_INVALID) when not a number. */
    private static Integer intParam(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            throw RuleViolation.badRequest("PAGE_INVALID", "页码从0开始，每页1至" + cn.juece.support.Page.MAX_SIZE + "条。");
        }
    }

    @GetMapping("/decisions/{number}/participation/consultations/{id}/export.csv")
    org.springframework.http.ResponseEntity<byte[]> export(@PathVariable String number, @PathVariable long id) {
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(number + "-意见及答复.csv", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(comments.exportCsv(id));
    }

    @PostMapping("/decisions/{number}/participation/consultations")
    String publish(@PathVariable String number, @RequestParam(required = false) String noticeText,
                   @RequestParam(required = false) String channels,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
                   @RequestParam(required = false) String shortenedReason) {
        comments.publish(number, new PublicCommentService.Notice(null, noticeText,
                channels == null ? List.of() : Arrays.asList(channels.split("[,，、\\s]+")), null, closesOn, shortenedReason, null));
        return back(number);
    }

    @PostMapping("/decisions/{number}/participation/consultations/{id}/opinions")
    String enter(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) String authorName,
                 @RequestParam(required = false) String contact, @RequestParam(required = false) String content,
                 @RequestParam(required = false) OpinionChannel channel,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate postmarkDate) {
        comments.submit(id, new PublicCommentService.Submission(authorName, contact, false, content, channel, postmarkDate), true);
        return back(number);
    }

    @PostMapping("/decisions/{number}/participation/opinions/{id}/moderation")
    String moderate(@PathVariable String number, @PathVariable long id, @RequestParam boolean publish,
                    @RequestParam(required = false) String reason) {
        comments.moderate(id, publish, reason);
        return back(number);
    }

    @PostMapping("/decisions/{number}/participation/opinions/{id}/adoption")
    String answer(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) Adoption adoption,
                  @RequestParam(required = false) String reason) {
        comments.answer(id, adoption, reason);
        return back(number);
    }

    @PostMapping("/decisions/{number}/participation/consultations/{id}/similar")
    String similar(@PathVariable String number, @PathVariable long id) {
        comments.clusterSimilar(id, 0.8);
        return back(number);
    }

    @PostMapping("/decisions/{number}/participation/consultations/{id}/feedback")
    String feedback(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) String summary) {
        comments.publishFeedback(id, summary);
        return back(number);
    }

    @PostMapping("/decisions/{number}/participation/hearing-requirement")
    String hearingRequirement(@PathVariable String number, @RequestParam(required = false) Boolean required,
                              @RequestParam(required = false) List<String> grounds, @RequestParam(required = false) String note) {
        if (required == null) {
            throw RuleViolation.badRequest("REQUIRED_FLAG_MISSING", "请选择是否召开听证会。");
        }
        hearings.recordRequirement(number, required, grounds, note);
        return back(number, "hearing");
    }

    @PostMapping("/decisions/{number}/participation/enterprise-question")
    String enterpriseQuestion(@PathVariable String number, @RequestParam(required = false) Boolean related,
                              @RequestParam(required = false) String note) {
        if (related == null) {
            throw RuleViolation.badRequest("REQUIRED_FLAG_MISSING", "请选择是否与企业生产经营活动密切相关。");
        }
        enterprises.answer(number, related, note);
        return back(number, "enterprise");
    }

    @PostMapping("/decisions/{number}/participation/enterprise-opinions")
    String hear(@PathVariable String number, @RequestParam(required = false) String organisation,
                @RequestParam(required = false) EnterpriseConsultationService.Kind kind,
                @RequestParam(defaultValue = "false") boolean privateOwned, @RequestParam(defaultValue = "false") boolean smallMedium,
                @RequestParam(defaultValue = "false") boolean labourIntensive, @RequestParam(required = false) String opinion) {
        enterprises.hear(number, organisation, kind, privateOwned, smallMedium, labourIntensive, opinion);
        return back(number, "enterprise");
    }

    @PostMapping("/decisions/{number}/participation/enterprise-opinions/{id}/adoption")
    String adoptEnterprise(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) Adoption adoption,
                           @RequestParam(required = false) String reason) {
        enterprises.answerOpinion(id, adoption, reason);
        return back(number, "enterprise");
    }

    // ---- symposiums (Art. 21) ----

    @PostMapping("/decisions/{number}/participation/symposiums")
    String planSymposium(@PathVariable String number, @RequestParam(required = false) String title,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                         @RequestParam(required = false) String place, @RequestParam(required = false) String invitees) {
        symposiums.plan(number, title, heldOn, place, lines(invitees));
        return back(number, "symposium");
    }

    @PostMapping("/decisions/{number}/participation/symposiums/{id}/delivery")
    String symposiumDelivery(@PathVariable String number, @PathVariable long id,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn) {
        symposiums.recordDelivery(id, deliveredOn);
        return back(number, "symposium");
    }

    @PostMapping("/decisions/{number}/participation/symposiums/{id}/confirm")
    String confirmSymposium(@PathVariable String number, @PathVariable long id) {
        symposiums.confirm(id);
        return back(number, "symposium");
    }

    @PostMapping("/decisions/{number}/participation/symposiums/{id}/held")
    String symposiumHeld(@PathVariable String number, @PathVariable long id) {
        symposiums.held(id);
        return back(number, "symposium");
    }

    @PostMapping("/decisions/{number}/participation/symposiums/{id}/cancel")
    String cancelSymposium(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) String reason) {
        symposiums.cancel(id, reason);
        return back(number, "symposium");
    }

    // ---- hearings (Art. 22-26) ----

    @PostMapping("/decisions/{number}/participation/hearings")
    String announceHearing(@PathVariable String number, @RequestParam(required = false) String title,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                           @RequestParam(required = false) String place, @RequestParam(required = false) Integer seats,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate applyUntil) {
        hearings.publishNotice(number, title, heldOn, place, seats, applyUntil);
        return back(number, "hearing");
    }

    @PostMapping("/decisions/{number}/participation/hearings/{id}/applicants")
    String hearingApplicant(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) String name,
                            @RequestParam(required = false) String contact, @RequestParam(required = false) String side,
                            @RequestParam(defaultValue = "false") boolean stakeholder, @RequestParam(required = false) String statement) {
        hearings.apply(id, name, contact, side, stakeholder, statement);
        return back(number, "hearing");
    }

    @PostMapping("/decisions/{number}/participation/hearings/{id}/selection-method")
    String hearingSelectionMethod(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) String method) {
        hearings.publishSelectionMethod(id, method);
        return back(number, "hearing");
    }

    @PostMapping("/decisions/{number}/participation/hearings/{id}/selection")
    String hearingSelection(@PathVariable String number, @PathVariable long id) {
        hearings.select(id);
        return back(number, "hearing");
    }

    @PostMapping("/decisions/{number}/participation/hearings/{id}/participants-published")
    String hearingParticipantsPublished(@PathVariable String number, @PathVariable long id) {
        hearings.publishParticipants(id);
        return back(number, "hearing");
    }

    @PostMapping("/decisions/{number}/participation/hearings/{id}/preparation")
    String hearingPreparation(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) String presider,
                              @RequestParam(required = false) String recorder,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate materialsDeliveredOn,
                              @RequestParam(required = false) String belowHalfReason) {
        hearings.prepare(id, presider, recorder, materialsDeliveredOn, belowHalfReason);
        return back(number, "hearing");
    }

    @PostMapping("/decisions/{number}/participation/hearings/{id}/confirm")
    String confirmHearing(@PathVariable String number, @PathVariable long id) {
        hearings.confirm(id);
        return back(number, "hearing");
    }

    @PostMapping("/decisions/{number}/participation/hearings/{id}/held")
    String hearingHeld(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) List<Long> attended,
                       @RequestParam(required = false) List<Long> signed) {
        hearings.held(id, attended, signed);
        return back(number, "hearing");
    }

    @PostMapping("/decisions/{number}/participation/hearings/{id}/report")
    String hearingReport(@PathVariable String number, @PathVariable long id) {
        hearings.report(id);
        return back(number, "hearing");
    }

    @PostMapping("/decisions/{number}/participation/hearings/{id}/cancel")
    String cancelHearing(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) String reason) {
        hearings.cancel(id, reason);
        return back(number, "hearing");
    }

    // ---- questionnaires (Art. 27) ----

    @PostMapping("/decisions/{number}/participation/questionnaires")
    String createQuestionnaire(@PathVariable String number, @RequestParam(required = false) String title,
                               @RequestParam(required = false) String intro,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
                               @RequestParam(required = false) String questions, HttpServletRequest request) {
        // The form may be long: if it is refused, the page's refusal (PageAdvice) redirects with this flash too, so the
        // clerk finds the questions as written; when the questionnaire is published, there is nothing to keep.
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("questionnaireDraft", Map.of("title", nz(title), "intro", nz(intro), "closesOn", closesOn == null ? "" : closesOn.toString(),
                "questions", nz(questions)));
        questionnaires.create(number, title, intro, closesOn, QuestionLines.parse(questions));
        flash.remove("questionnaireDraft");
        return back(number, "questionnaire");
    }

    // ---- the records these procedures need (minutes, signed hearing record, hearing report, poll report) ----

    @PostMapping("/decisions/{number}/participation/materials")
    String upload(@PathVariable String number, @RequestParam(required = false) MaterialType type,
                  @RequestParam(required = false) String anchor,
                  @RequestParam(value = "file", required = false) MultipartFile file) throws java.io.IOException {
        materials.upload(number, type, null, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getContentType(),
                file == null ? null : file.getBytes(), null);
        return back(number, anchor != null && SECTIONS.contains(anchor) ? anchor : "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** One entry per non-blank line of a textarea. */
    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String back(String number) {
        return back(number, "comment");
    }

    /** Back to the page with the section the clerk worked in open, and scrolled to. */
    private static String back(String number, String anchor) {
        return "redirect:/decisions/" + number + "/participation" + (anchor.isEmpty() ? "" : "?open=" + anchor + "#" + anchor);
    }
}
