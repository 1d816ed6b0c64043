package cn.juece.participation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.calendar.Periods;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Actor;
import cn.juece.portal.ReceiptNumbers;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * Questionnaires (Art. 17, 27): single choice, multiple choice and free text, answered without an account,
 * tallied for the dossier and the portal's chart. A third party's opinion poll is a material (民意调查报告).
 */
@Service
public class QuestionnaireService {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    public enum Kind { SINGLE, MULTIPLE, TEXT }

    public record Question(long id, int position, Kind kind, String text, List<String> options, boolean required) {
    }

    public record Questionnaire(long id, long decisionId, String title, String intro, LocalDate opensOn, LocalDate closesOn,
                                List<Question> questions) {
    }

    public record NewQuestion(Kind kind, String text, List<String> options, Boolean required) {
    }

    /** One answer: the chosen option indexes (0-based) for choice questions, or the text. */
    public record Answer(long questionId, List<Integer> options, String text) {
    }

    public record Tally(long questionId, String text, Kind kind, Map<String, Long> counts, long textAnswers) {
    }

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final AuditTrail audit;
    private final AppClock clock;
    private final ReceiptNumbers receipts;

    private final LeadUnitCheck leadUnit;

    QuestionnaireService(JdbcClient jdbc, DecisionService decisions, AuditTrail audit, AppClock clock,
                         ReceiptNumbers receipts, LeadUnitCheck leadUnit) {
        this.leadUnit = leadUnit;
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
        this.receipts = receipts;
    }

    @Transactional
    public Questionnaire create(String number, String title, String intro, LocalDate closesOn, List<NewQuestion> questions) {
        Decision d = decisions.get(number);
        Actor actor = leadUnit.require(d, "问卷调查", "第十七条、第二十七条");
        if (title == null || title.isBlank() || closesOn == null || !closesOn.isAfter(clock.today())) {
            throw RuleViolation.badRequest("QUESTIONNAIRE_INVALID", "请填写问卷名称和截止日期（晚于今天）。");
        }
        if (questions == null || questions.isEmpty() || questions.size() > 50) {
            throw RuleViolation.badRequest("QUESTIONS_INVALID", "问卷应当有1至50个问题。");
        }
        for (NewQuestion q : questions) {
            if (q.kind() == null || q.text() == null || q.text().isBlank() || q.text().length() > 500) {
                throw RuleViolation.badRequest("QUESTIONS_INVALID", "每个问题须有类型（单选、多选、填空）和题目（不超过500字）。");
            }
            if (q.kind() != Kind.TEXT && (q.options() == null || q.options().size() < 2
                    || q.options().stream().anyMatch(o -> o == null || o.isBlank() || o.contains("\n")))) {
                throw RuleViolation.badRequest("QUESTIONS_INVALID", "选择题“" + q.text() + "”至少须有两个选项。");
            }
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO juece.questionnaire (decision_id, title, intro, opens_on, closes_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), title.strip(), intro == null ? null : intro.strip(), clock.today(), closesOn, actor.id(), clock.now())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        int position = 1;
        for (NewQuestion q : questions) {
            jdbc.sql("INSERT INTO juece.questionnaire_question (questionnaire_id, position, kind, text, options, required) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, position++, q.kind().name(), q.text().strip(),
                            q.kind() == Kind.TEXT ? null : String.join("\n", q.options().stream().map(String::strip).toList()),
                            !Boolean.FALSE.equals(q.required()))
                    .update();
        }
        audit.record(actor, d.id(), d.number(), AuditAction.QUESTIONNAIRE_RECORDED, "发布问卷“" + title.strip() + "”（" + questions.size()
                + "个问题），截止" + CHINESE_DATE.format(closesOn) + "（第二十七条）");
        return get(id);
    }

    /** An answer from the public, without an account; a receipt number is returned. Never touches the process. */
    @Transactional
    public String submit(long questionnaireId, List<Answer> answers) {
        Questionnaire q = get(questionnaireId);
        if (clock.now().isAfter(Periods.endOfDay(q.closesOn()).toOffsetDateTime())) {
            throw new RuleViolation("QUESTIONNAIRE_CLOSED", "本问卷已于" + CHINESE_DATE.format(q.closesOn()) + "24时截止。");
        }
        Map<Long, Answer> byQuestion = new LinkedHashMap<>();
        for (Answer a : answers == null ? List.<Answer>of() : answers) {
            byQuestion.put(a.questionId(), a);
        }
        for (Question question : q.questions()) {
            Answer a = byQuestion.get(question.id());
            boolean empty = a == null || (question.kind() == Kind.TEXT ? a.text() == null || a.text().isBlank()
                    : a.options() == null || a.options().isEmpty());
            if (empty) {
                if (question.required()) {
                    throw RuleViolation.badRequest("ANSWER_REQUIRED", "请回答第" + question.position() + "题：" + question.text());
                }
                continue;
            }
            switch (question.kind()) {
                case SINGLE, MULTIPLE -> {
                    if (question.kind() == Kind.SINGLE && a.options().size() != 1
                            || a.options().stream().anyMatch(i -> i == null || i < 0 || i >= question.options().size())
                            || Set.copyOf(a.options()).size() != a.options().size()) {
                        throw RuleViolation.badRequest("ANSWER_INVALID", "第" + question.position() + "题的选择无效。");
                    }
                }
                case TEXT -> {
                    if (a.text().length() > 2000) {
                        throw RuleViolation.badRequest("ANSWER_TOO_LONG", "第" + question.position() + "题的回答不超过2000字。");
                    }
                }
            }
        }
        if (!q.questions().stream().map(Question::id).toList().containsAll(byQuestion.keySet())) {
            throw RuleViolation.badRequest("ANSWER_INVALID", "回答中有不属于本问卷的问题。");
        }
        String receipt = receipts.next();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO juece.questionnaire_response (questionnaire_id, receipt, submitted_at) VALUES (?, ?, ?)")
                .params(questionnaireId, receipt, clock.now()).update(keys, "id");
        long responseId = keys.getKey().longValue();
        for (Answer a : byQuestion.values()) {
            Question question = q.questions().stream().filter(x -> x.id() == a.questionId()).findFirst().orElseThrow();
            if (question.kind() == Kind.TEXT) {
                if (a.text() != null && !a.text().isBlank()) {
                    jdbc.sql("INSERT INTO juece.questionnaire_answer (response_id, question_id, answer_text) VALUES (?, ?, ?)")
                            .params(responseId, a.questionId(), a.text().strip()).update();
                }
            } else if (a.options() != null) {
                for (Integer option : a.options()) {
                    jdbc.sql("INSERT INTO juece.questionnaire_answer (response_id, question_id, option_index) VALUES (?, ?, ?)")
                            .params(responseId, a.questionId(), option).update();
                }
            }
        }
        return receipt;
    }

    /** Counts per option (every option listed, zeros included) and the number of free-text answers. */
    public List<Tally> tally(long questionnaireId) {
        Questionnaire q = get(questionnaireId);
        List<Tally> result = new ArrayList<>();
        for (Question question : q.questions()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < question.options().size(); i++) {
                counts.put(question.options().get(i), jdbc.sql("SELECT COUNT(*) FROM juece.questionnaire_answer WHERE question_id = ? AND option_index = ?")
                        .params(question.id(), i).query(Long.class).single());
            }
            long texts = question.kind() == Kind.TEXT ? jdbc.sql("SELECT COUNT(*) FROM juece.questionnaire_answer WHERE question_id = ? AND answer_text IS NOT NULL")
                    .param(question.id()).query(Long.class).single() : 0;
            result.add(new Tally(question.id(), question.text(), question.kind(), counts, texts));
        }
        return result;
    }

    public long responses(long questionnaireId) {
        return jdbc.sql("SELECT COUNT(*) FROM juece.questionnaire_response WHERE questionnaire_id = ?").param(questionnaireId)
                .query(Long.class).single();
    }

    /** The portal's list: the newest questionnaires first. */
    public List<Questionnaire> recent() {
        return jdbc.sql("SELECT id FROM juece.questionnaire ORDER BY id DESC FETCH FIRST 50 ROWS ONLY").query(Long.class).list()
                .stream().map(this::get).toList();
    }

    public List<Questionnaire> ofDecision(long decisionId) {
        return jdbc.sql("SELECT id FROM juece.questionnaire WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query(Long.class).list().stream().map(this::get).toList();
    }

    public Questionnaire get(long id) {
        List<Question> questions = jdbc.sql("SELECT id, position, kind, text, options, required FROM juece.questionnaire_question WHERE questionnaire_id = ? ORDER BY position")
                .param(id)
                .query((rs, i) -> new Question(rs.getLong(1), rs.getInt(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5) == null ? List.of() : Arrays.asList(rs.getString(5).split("\n")), rs.getBoolean(6)))
                .list();
        return jdbc.sql("SELECT id, decision_id, title, intro, opens_on, closes_on FROM juece.questionnaire WHERE id = ?").param(id)
                .query((rs, i) -> new Questionnaire(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), questions))
                .optional()
                .orElseThrow(() -> RuleViolation.notFound("QUESTIONNAIRE_NOT_FOUND", "问卷不存在：" + id));
    }
}
