package cn.juece.participation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.identity.Directory;
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

    /** The materials the symposium, hearing and questionnaire sections show and take, with their articles. */
    private static final List<MaterialType> PARTICIPATION_MATERIALS = List.of(MaterialType.SYMPOSIUM_MINUTES,
            MaterialType.HEARING_RECORD, MaterialType.HEARING_REPORT, MaterialType.POLL_REPORT);

    ParticipationPage(DecisionService decisions, PublicCommentService comments, SymposiumService symposiums, HearingService hearings,
                      QuestionnaireService questionnaires, EnterpriseConsultationService enterprises, MaterialService materials,
                      Directory directory) {
        this.materials = materials;
        this.decisions = decisions;
        this.comments = comments;
        this.symposiums = symposiums;
        this.hearings = hearings;
        this.questionnaires = questionnaires;
        this.enterprises = enterprises;
        this.directory = directory;
    }

    @GetMapping("/decisions/{number}/participation")
    String page(@PathVariable String number, Model model) {
        Decision d = decisions.get(number);
        model.addAttribute("d", d);
        model.addAttribute("directory", directory);
        Map<Consultation, List<Opinion>> consultations = new LinkedHashMap<>();
        Map<Long, String> statuses = new LinkedHashMap<>();
        for (Consultation c : comments.ofDecision(d.id())) {
            consultations.put(c, comments.opinions(c.id()));
            statuses.put(c.id(), comments.effectiveStatus(c).label());
        }
        model.addAttribute("consultations", consultations);
        model.addAttribute("statuses", statuses);
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
        model.addAttribute("enterpriseRelated", enterprises.related(d.id()));
        model.addAttribute("enterpriseOpinions", enterprises.opinions(d.id()));
        model.addAttribute("enterpriseKinds", EnterpriseConsultationService.Kind.values());
        return "participation";
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
        return back(number);
    }

    @PostMapping("/decisions/{number}/participation/enterprise-question")
    String enterpriseQuestion(@PathVariable String number, @RequestParam(required = false) Boolean related,
                              @RequestParam(required = false) String note) {
        if (related == null) {
            throw RuleViolation.badRequest("REQUIRED_FLAG_MISSING", "请选择是否与企业生产经营活动密切相关。");
        }
        enterprises.answer(number, related, note);
        return back(number);
    }

    @PostMapping("/decisions/{number}/participation/enterprise-opinions")
    String hear(@PathVariable String number, @RequestParam(required = false) String organisation,
                @RequestParam(required = false) EnterpriseConsultationService.Kind kind,
                @RequestParam(defaultValue = "false") boolean privateOwned, @RequestParam(defaultValue = "false") boolean smallMedium,
                @RequestParam(defaultValue = "false") boolean labourIntensive, @RequestParam(required = false) String opinion) {
        enterprises.hear(number, organisation, kind, privateOwned, smallMedium, labourIntensive, opinion);
        return back(number);
    }

    @PostMapping("/decisions/{number}/participation/enterprise-opinions/{id}/adoption")
    String adoptEnterprise(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) Adoption adoption,
                           @RequestParam(required = false) String reason) {
        enterprises.answerOpinion(id, adoption, reason);
        return back(number);
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
        return back(number, anchor != null && anchor.matches("[a-z]+") ? anchor : "");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** One entry per non-blank line of a textarea. */
    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String back(String number) {
        return "redirect:/decisions/" + number + "/participation";
    }

    private static String back(String number, String anchor) {
        return back(number) + (anchor.isEmpty() ? "" : "#" + anchor);
    }
}
