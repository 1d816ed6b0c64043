package cn.juece.execution;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.juece.archive.ArchiveService;
import cn.juece.decision.Decision;
import cn.juece.identity.Directory;
import cn.juece.publication.PublicDecisionSection;

/**
 * Execution in public on the portal's decision page (Art. 53–55; the openness excerpt's 决策执行公开): the units and
 * their tasks, the progress the decision organ chose to publish, suspensions, stops and modifications with their
 * grounds, the archive, and the feedback form while the decision is in execution.
 */
@Component
class ExecutionSection implements PublicDecisionSection {

    private final ArchiveService archive;
    private final ExecutionView view;
    private final ExecutionFeedback feedback;
    private final Directory directory;

    ExecutionSection(ArchiveService archive, ExecutionView view, ExecutionFeedback feedback, Directory directory) {
        this.archive = archive;
        this.view = view;
        this.feedback = feedback;
        this.directory = directory;
    }

    @Override
    public void fill(Model model, Decision d) {
        model.addAttribute("units", view.units(d));
        model.addAttribute("progress", view.periods(d).stream().filter(p -> p.period().publicSummary() != null).toList());
        model.addAttribute("changes", view.decisions(d));
        model.addAttribute("archive", archive.record(d.id()).filter(ArchiveService.ArchiveRecord::filed).orElse(null));
        model.addAttribute("feedbackOpen", feedback.open(d));
        model.addAttribute("directory", directory);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
    }
}
