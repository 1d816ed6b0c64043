package cn.juece.participation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.decision.DecisionService;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@Tag(name = "问卷调查", description = "单选、多选、填空问卷及统计（第十七条、第二十七条）")
class QuestionnaireApi {

    private final QuestionnaireService questionnaires;
    private final DecisionService decisions;

    QuestionnaireApi(QuestionnaireService questionnaires, DecisionService decisions) {
        this.questionnaires = questionnaires;
        this.decisions = decisions;
    }

    @PostMapping("/api/decisions/{number}/questionnaires")
    @Operation(summary = "发布问卷（kind：SINGLE 单选、MULTIPLE 多选、TEXT 填空）")
    ResponseEntity<QuestionnaireService.Questionnaire> create(@PathVariable String number, @RequestBody CreateRequest r) {
        return ResponseEntity.status(201).body(questionnaires.create(number, r.title(), r.intro(), r.closesOn(), r.questions()));
    }

    @GetMapping("/api/decisions/{number}/questionnaires")
    @Operation(summary = "一件决策事项的问卷")
    List<QuestionnaireService.Questionnaire> list(@PathVariable String number) {
        return questionnaires.ofDecision(decisions.get(number).id());
    }

    @GetMapping("/api/questionnaires/{id}/tally")
    @Operation(summary = "问卷统计")
    Map<String, Object> tally(@PathVariable long id) {
        return Map.of("responses", questionnaires.responses(id), "questions", questionnaires.tally(id));
    }

    record CreateRequest(String title, String intro, LocalDate closesOn, List<QuestionnaireService.NewQuestion> questions) {
    }
}
