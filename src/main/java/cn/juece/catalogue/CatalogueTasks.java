package cn.juece.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.juece.workflow.OtherProcessTasks;
import cn.juece.workflow.TaskView;

/** The catalogue's tasks in Tasklist's form and on the generic /api/tasks/{id}/complete. */
@Component
class CatalogueTasks implements OtherProcessTasks {

    private final CatalogueService catalogues;

    CatalogueTasks(CatalogueService catalogues) {
        this.catalogues = catalogues;
    }

    @Override
    public Optional<Map<String, Object>> form(TaskView t) {
        if (!CatalogueService.PROCESS.equals(t.processKey())) {
            return Optional.empty();
        }
        Catalogue c = catalogues.get(t.decisionNumber());
        List<Map<String, Object>> checklist = switch (t.taskKey()) {
            case "catalogue-compile" -> List.of(check("目录中至少有一项事项", "第四条", catalogues.items(c).stream().anyMatch(i -> !i.removed())));
            case "catalogue-publish" -> List.of(check("已记录" + catalogues.partyCommittee(c) + "审定的日期和文号", "第四条", c.partyApprovalRecorded()));
            case "catalogue-change" -> List.<Map<String, Object>>of(check("调整或不调整的原因（随目录公开）", "政务公开工作要点", null));
            default -> List.of();
        };
        return Optional.of(Map.of("taskName", t.name(), "decisionNumber", c.key(), "decisionTitle", catalogues.title(c),
                "dossierUrl", "/catalogue/" + c.key(),
                "outcomes", t.outcomes().entrySet().stream().map(e -> Map.of("code", e.getKey(), "label", e.getValue())).toList(),
                "checklist", checklist));
    }

    @Override
    public boolean complete(TaskView t, String outcome, String reason) {
        if (!CatalogueService.PROCESS.equals(t.processKey())) {
            return false;
        }
        catalogues.completeStep(t.decisionNumber(), t.id(), outcome, reason);
        return true;
    }

    private static Map<String, Object> check(String requirement, String article, Boolean met) {
        var m = new java.util.HashMap<String, Object>();
        m.put("requirement", requirement);
        m.put("article", article);
        m.put("met", met);
        return m;
    }
}
