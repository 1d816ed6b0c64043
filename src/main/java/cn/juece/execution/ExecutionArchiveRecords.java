package cn.juece.execution;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.juece.archive.ArchiveRecords;
import cn.juece.decision.Decision;

/** The execution's records in the archive package (Art. 59): as /api shows them, the public's contact details left out. */
@Component
class ExecutionArchiveRecords implements ArchiveRecords {

    private final ExecutionView view;
    private final ExecutionFeedback feedback;

    ExecutionArchiveRecords(ExecutionView view, ExecutionFeedback feedback) {
        this.view = view;
        this.feedback = feedback;
    }

    @Override
    public String name() {
        return "execution";
    }

    @Override
    public Object records(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>(view.json(d));
        m.put("feedback", feedback.items(d.id()).stream().map(f -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("receipt", f.receiptDisplay());
            x.put("channel", f.channel().label());
            x.put("authorName", f.authorName());
            x.put("content", f.content());
            x.put("receivedOn", f.receivedOn());
            x.put("enteredBy", f.enteredBy());
            x.put("routedUnit", f.routedUnit());
            x.put("routedAt", f.routedAt());
            x.put("answer", f.answer());
            x.put("answeredBy", f.answeredBy());
            x.put("answeredAt", f.answeredAt());
            return x;
        }).toList());
        m.remove("openSteps");
        return m;
    }
}
