package cn.juece.expert;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.juece.access.DecisionAccess;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.dossier.Material;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.drafting.ArrangementService;
import cn.juece.drafting.Procedure;
import cn.juece.identity.Directory;
import cn.juece.support.RuleViolation;
import cn.juece.web.StaffPage;
import cn.juece.workflow.TaskActions;

/**
 * The staff pages of expert review: /admin/experts, the pool and its fields (administrators keep them, Art. 32), and
 * /decisions/{number}/experts, where the lead unit arranges, draws, invites, delivers, adopts, summarises and sends
 * the feedback (Art. 30-35). Every form calls the same service method as /api; a refusal comes back on the page with
 * its Chinese message and code.
 */
@Controller
@StaffPage
class ExpertPages {

    private final ExpertPool pool;
    private final ExpertReviewService reviews;
    private final ArrangementService arrangements;
    private final DecisionAccess access;
    private final MaterialService materials;
    private final TaskActions tasks;
    private final Directory directory;
    private final AuditTrail audit;

    ExpertPages(ExpertPool pool, ExpertReviewService reviews, ArrangementService arrangements, DecisionAccess access,
                MaterialService materials, TaskActions tasks, Directory directory, AuditTrail audit) {
        this.pool = pool;
        this.reviews = reviews;
        this.arrangements = arrangements;
        this.access = access;
        this.materials = materials;
        this.tasks = tasks;
        this.directory = directory;
        this.audit = audit;
    }

    // ---- the pool ----

    @GetMapping("/admin/experts")
    String pool(Model model) {
        model.addAttribute("admin", pool.isAdmin(directory.currentActor()));
        model.addAttribute("experts", pool.list());
        model.addAttribute("fields", pool.fields());
        model.addAttribute("lastUpdated", pool.lastUpdated().orElse(null));
        model.addAttribute("headings", ExpertSheet.HEADINGS);
        var history = new ArrayList<>(audit.forKey(ExpertPool.AUDIT_KEY));
        java.util.Collections.reverse(history);
        model.addAttribute("history", history.stream().limit(20).toList());
        return "admin-experts";
    }

    @PostMapping("/admin/experts")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String organisation,
                  @RequestParam(required = false) String title, @RequestParam(required = false) String type,
                  @RequestParam(required = false) List<String> fields, @RequestParam(required = false) String phone,
                  @RequestParam(required = false) String email, @RequestParam(required = false) String interests,
                  @RequestParam(required = false) String affiliations) {
        pool.create(new ExpertInput(name, organisation, title, type, phone, email, interests, ExpertInput.split(affiliations),
                fields, true));
        return "redirect:/admin/experts#experts";
    }

    @PostMapping("/admin/experts/{id}/active")
    String active(@PathVariable long id, @RequestParam boolean active) {
        Expert e = pool.find(id).orElseThrow(() -> ExpertPool.notFound(id));
        pool.update(id, new ExpertInput(e.name(), e.organisation(), e.title(), e.type().name(), e.phone(), e.email(), e.interests(),
                e.affiliations(), e.fields(), active));
        return "redirect:/admin/experts#experts";
    }

    @PostMapping("/admin/experts/import")
    String importFile(@RequestParam(value = "file", required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
        if (file == null || file.isEmpty()) {
            throw RuleViolation.badRequest("UPLOAD_EMPTY", "请选择要导入的文件（.xlsx 或 .csv）。");
        }
        ExpertPool.ImportResult r = pool.importFile(file.getOriginalFilename(), file.getBytes());
        flash.addFlashAttribute("imported", r);
        return "redirect:/admin/experts#import";
    }

    @PostMapping("/admin/experts/fields")
    String addField(@RequestParam(required = false) String name) {
        pool.addField(name);
        return "redirect:/admin/experts#fields";
    }

    @PostMapping("/admin/experts/fields/{id}")
    String setField(@PathVariable long id, @RequestParam boolean active) {
        pool.setFieldActive(id, active);
        return "redirect:/admin/experts#fields";
    }

    // ---- a decision's review ----

    @GetMapping("/decisions/{number}/experts")
    String page(@PathVariable String number, Model model) {
        Decision d = access.visible(number);
        model.addAttribute("d", d);
        model.addAttribute("arrangement", arrangements.arrangements(d.id()).get(Procedure.EXPERT));
        model.addAttribute("procedure", Procedure.EXPERT);
        model.addAttribute("stepOpen", reviews.stepOpen(d));
        model.addAttribute("contacts", reviews.maySeeContacts(d));
        ExpertReview r = reviews.review(number).orElse(null);
        model.addAttribute("r", r);
        model.addAttribute("forms", ExpertReview.Form.values());
        model.addAttribute("adoptions", ExpertReview.Adoption.values());
        model.addAttribute("fields", pool.fields().stream().filter(ExpertPool.Field::active).toList());
        model.addAttribute("poolExperts", pool.list().stream().filter(Expert::active).toList());
        // the checklist of the open step (the stage gates, the period's minimum among them)
        model.addAttribute("checklist", tasks.checklist(d).stream().filter(i -> "组织专家论证".equals(i.step())).toList());
        // the versions that may be delivered: the draft and its explanation first, newest first
        List<Map<String, Object>> versions = new ArrayList<>();
        for (Material m : materials.materials(d.id())) {
            if (m.type() == MaterialType.EXPERT_OPINION) {
                continue;
            }
            for (int i = m.versions().size() - 1; i >= 0; i--) {
                var v = m.versions().get(i);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", v.id());
                row.put("label", "《" + m.title() + "》第" + v.versionNo() + "版（" + v.fileName() + "）");
                row.put("latest", i == m.versions().size() - 1 && (m.type() == MaterialType.DRAFT || m.type() == MaterialType.DRAFTING_EXPLANATION));
                versions.add(row);
            }
        }
        model.addAttribute("versions", versions);
        List<String> deliveries = new ArrayList<>();
        if (r != null) {
            for (ExpertReview.Delivery x : r.deliveries()) {
                deliveries.add(ExpertReviewService.CN_DATE.format(x.deliveredOn()) + "提供："
                        + String.join("、", x.versionIds().stream().map(v -> materials.cite(d.id(), v)).toList()) + "；专家："
                        + String.join("、", r.members().stream().filter(m -> x.memberIds().contains(m.id())).map(m -> m.expert().name()).toList()));
            }
        }
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("directory", directory);
        model.addAttribute("today", LocalDate.now(cn.juece.support.AppClock.ZONE));
        return "experts";
    }

    private static String back(String number, String anchor) {
        return "redirect:/decisions/" + number + "/experts#" + anchor;
    }

    @PostMapping("/decisions/{number}/experts/requirement")
    String requirement(@PathVariable String number, @RequestParam(required = false) Boolean required,
                       @RequestParam(required = false) String ground, @RequestParam(required = false) String reason) {
        if (required == null) {
            throw RuleViolation.badRequest("REQUIRED_FLAG_MISSING", "请选择是否需要专家论证。");
        }
        arrangements.record(number, Procedure.EXPERT, required, ground, reason);
        return back(number, "requirement");
    }

    @PostMapping("/decisions/{number}/experts/arrangement")
    String arrange(@PathVariable String number, @RequestParam(required = false) String form,
                   @RequestParam(required = false) List<String> fields, @RequestParam(required = false) Boolean complex,
                   @RequestParam(required = false) String parties) {
        reviews.arrange(number, form, fields, complex, parties);
        return back(number, "arrangement");
    }

    @PostMapping("/decisions/{number}/experts/smaller-panel")
    String smaller(@PathVariable String number, @RequestParam(required = false) Integer size,
                   @RequestParam(required = false) String reason) {
        reviews.approveSmallerPanel(number, size, reason);
        return back(number, "panel");
    }

    @PostMapping("/decisions/{number}/experts/draws")
    String draw(@PathVariable String number, @RequestParam(required = false) Integer size) {
        reviews.drawPanel(number, size);
        return back(number, "panel");
    }

    @PostMapping("/decisions/{number}/experts/members")
    String add(@PathVariable String number, @RequestParam(required = false) Long expertId,
               @RequestParam(required = false) String reason, @RequestParam(required = false) String name,
               @RequestParam(required = false) String organisation, @RequestParam(required = false) String title,
               @RequestParam(required = false) String type, @RequestParam(required = false) List<String> fields,
               @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
               @RequestParam(required = false) String interests, @RequestParam(required = false) String affiliations) {
        ExpertInput outside = expertId != null ? null : new ExpertInput(name, organisation, title, type, phone, email, interests,
                ExpertInput.split(affiliations), fields, true);
        reviews.addMember(number, expertId, outside, reason);
        return back(number, "panel");
    }

    @PostMapping("/decisions/{number}/experts/invitations")
    String inviteAll(@PathVariable String number) {
        reviews.inviteAll(number);
        return back(number, "panel");
    }

    @PostMapping("/decisions/{number}/experts/expert-members/{id}/invitation")
    String invite(@PathVariable String number, @PathVariable long id) {
        reviews.invite(id);
        return back(number, "panel");
    }

    @PostMapping("/decisions/{number}/experts/expert-members/{id}/revocation")
    String revoke(@PathVariable String number, @PathVariable long id) {
        reviews.revoke(id);
        return back(number, "panel");
    }

    @PostMapping("/decisions/{number}/experts/expert-members/{id}/withdrawal")
    String withdraw(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) String reason) {
        reviews.withdraw(id, reason);
        return back(number, "panel");
    }

    @PostMapping("/decisions/{number}/experts/expert-members/{id}/replacement")
    String replace(@PathVariable String number, @PathVariable long id) {
        reviews.drawReplacement(id);
        return back(number, "panel");
    }

    @PostMapping("/decisions/{number}/experts/deliveries")
    String deliver(@PathVariable String number,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveredOn,
                   @RequestParam(required = false) List<Long> versionIds, @RequestParam(required = false) List<Long> memberIds) {
        reviews.recordDelivery(number, deliveredOn, versionIds, memberIds);
        return back(number, "delivery");
    }

    @PostMapping("/decisions/{number}/experts/expert-opinions/{id}/adoption")
    String adopt(@PathVariable String number, @PathVariable long id, @RequestParam(required = false) String adoption,
                 @RequestParam(required = false) String reason) {
        reviews.decideAdoption(id, adoption, reason);
        return back(number, "opinions");
    }

    @PostMapping("/decisions/{number}/experts/summary")
    String summary(@PathVariable String number, @RequestParam(required = false) String summary) {
        reviews.summarise(number, summary);
        return back(number, "opinions");
    }

    @PostMapping("/decisions/{number}/experts/feedback")
    String feedback(@PathVariable String number) {
        reviews.sendFeedback(number);
        return back(number, "opinions");
    }

    @PostMapping("/decisions/{number}/experts/opinion-material")
    String material(@PathVariable String number) {
        reviews.generateOpinionMaterial(number);
        return back(number, "opinions");
    }

    @PostMapping("/decisions/{number}/experts/publication")
    String publish(@PathVariable String number) {
        reviews.publish(number);
        return back(number, "opinions");
    }
}
