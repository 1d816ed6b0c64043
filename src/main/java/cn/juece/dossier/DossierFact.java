package cn.juece.dossier;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.juece.workflow.StepFact;

/**
 * One fact of the dossier as the dossier page, /api and later reports list it (DECISIONS.md 25): what kind of
 * fact, the article behind it, the step and round it came from, the outcome, the reason given, what else the
 * fact keeps (a material version, an archive number) and who recorded it when. Built by each feature from its
 * own table ({@link FactSource}); never read from audit text.
 *
 * @param kind     a stable code: SCOPE_FINDING, RISK_ASSESSMENT, MEETING_DECISION, ARCHIVE_NUMBER, …
 * @param label    the fact's Chinese name, e.g. 风险等级
 * @param stage    the stage's number (1-12), to order facts recorded in the same instant
 * @param round    the round of the step (1, 2, …); null for a fact recorded on a page before its step
 * @param detail   what else the fact keeps, in Chinese (e.g. 风险评估报告第2版), or null
 * @param data     the same for programs (e.g. reportVersionId), never null
 */
public record DossierFact(String kind, String label, String article, int stage, String taskKey, String taskId,
                          Integer round, String outcome, String outcomeLabel, String reason, String detail,
                          Map<String, Object> data, String actedBy, String actedByName, String actedFor,
                          String actedForName, OffsetDateTime actedAt) {

    /** A fact written when a step closed. */
    public static DossierFact of(String kind, String label, String article, int stage, StepFact step, String detail,
                                 Object... data) {
        return new DossierFact(kind, label, article, stage, step.taskKey(), step.taskId(), step.round(), step.outcome(),
                step.outcomeLabel(), step.reason(), detail, map(data), step.actedBy(), null, step.actedFor(), null,
                step.actedAt());
    }

    /** The same fact with the names of the person and the group, for people to read. */
    public DossierFact named(String byName, String forName) {
        return new DossierFact(kind, label, article, stage, taskKey, taskId, round, outcome, outcomeLabel, reason, detail,
                data, actedBy, byName, actedFor, forName, actedAt);
    }

    /** Pairs of name and value (a null value is left out). */
    public static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
