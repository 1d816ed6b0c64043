package cn.juece.risk;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.RuleViolation;
import cn.juece.web.StaffPage;

/**
 * /admin/assessors: the registry of third-party organisations that may be commissioned to assess risk (Art. 36).
 * Staff read it (the commissioning unit chooses from it); administrators add, correct, retire and re-activate.
 */
@Controller
@StaffPage
class AssessorAdminPage {

    private final AssessorRegistry registry;
    private final Directory directory;

    AssessorAdminPage(AssessorRegistry registry, Directory directory) {
        this.registry = registry;
        this.directory = directory;
    }

    @GetMapping("/admin/assessors")
    String page(Model model) {
        model.addAttribute("organisations", registry.list(false));
        model.addAttribute("kinds", AssessorOrganisation.Kind.values());
        model.addAttribute("mayEdit", directory.currentActor().groups().contains(Groups.ADMIN));
        model.addAttribute("trail", registry.trail());
        return "admin-assessors";
    }

    @PostMapping("/admin/assessors")
    String add(@RequestParam(required = false) String name, @RequestParam(required = false) String creditCode,
               @RequestParam(required = false) String kind, @RequestParam(required = false) String contactPerson,
               @RequestParam(required = false) String contactPhone, @RequestParam(required = false) String declaredTies) {
        registry.add(new AssessorRegistry.Entry(name, creditCode, kind(kind), contactPerson, contactPhone, declaredTies, true));
        return "redirect:/admin/assessors";
    }

    @PostMapping("/admin/assessors/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String creditCode,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String contactPerson,
                  @RequestParam(required = false) String contactPhone, @RequestParam(required = false) String declaredTies,
                  @RequestParam(required = false) Boolean active) {
        registry.update(id, new AssessorRegistry.Entry(name, creditCode, kind(kind), contactPerson, contactPhone, declaredTies, active));
        return "redirect:/admin/assessors#org-" + id;
    }

    private static AssessorOrganisation.Kind kind(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return AssessorOrganisation.Kind.valueOf(code.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("RISK_ORGANISATION_INCOMPLETE", "机构类别“" + code + "”无效，可选：专业机构、社会组织、其他第三方机构。");
        }
    }
}
