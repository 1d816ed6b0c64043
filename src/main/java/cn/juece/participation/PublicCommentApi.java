package cn.juece.participation;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.decision.DecisionService;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@Tag(name = "公开征求意见", description = "发布公告、接收和审核意见、归类、逐条答复并公布采纳情况（第十八条、第二十条、第二十八条、第二十九条）")
class PublicCommentApi {

    private final PublicCommentService comments;
    private final DecisionService decisions;

    PublicCommentApi(PublicCommentService comments, DecisionService decisions) {
        this.comments = comments;
        this.decisions = decisions;
    }

    @PostMapping("/api/decisions/{number}/consultations")
    @Operation(summary = "发布征求意见公告", description = "期限一般不少于30日；缩短的须写明紧急情形并由本单位负责人发布（第二十条）。")
    ResponseEntity<Consultation> publish(@PathVariable String number, @RequestBody PublicCommentService.Notice notice) {
        Consultation c = comments.publish(number, notice);
        return ResponseEntity.created(URI.create("/api/consultations/" + c.id())).body(c);
    }

    @GetMapping("/api/decisions/{number}/consultations")
    @Operation(summary = "一件决策事项的征求意见")
    List<Consultation> ofDecision(@PathVariable String number) {
        return comments.ofDecision(decisions.get(number).id());
    }

    @GetMapping("/api/consultations/{id}/opinions")
    @Operation(summary = "收到的全部意见（含联系方式，仅供工作人员）")
    List<Opinion> opinions(@PathVariable long id) {
        comments.consultation(id);
        return comments.opinions(id);
    }

    @GetMapping("/api/consultations/{id}/export.csv")
    @Operation(summary = "导出全部意见及答复（CSV，UTF-8 带 BOM，中文表头）")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        return ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename("征求意见-" + id + "-意见及答复.csv", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(comments.exportCsv(id));
    }

    @GetMapping("/api/opinions/{id}/attachment")
    @Operation(summary = "下载意见的附件（仅供工作人员）")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        CommentAttachment a = comments.attachment(id);
        return ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(a.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(org.springframework.http.MediaType.parseMediaType(a.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(a.content());
    }

    @PostMapping("/api/consultations/{id}/opinions")
    @Operation(summary = "录入通过信函、电话、邮件等收到的意见", description = "信函邮戳日期不晚于截止日的，截止后仍可录入。")
    ResponseEntity<Opinion> enter(@PathVariable long id, @RequestBody PublicCommentService.Submission s) {
        Opinion o = comments.submit(id, s, true);
        return ResponseEntity.status(201).body(o);
    }

    @PutMapping("/api/opinions/{id}/moderation")
    @Operation(summary = "审核意见：公开显示，或不予显示并写明理由（意见仍保留并计入统计）")
    Opinion moderate(@PathVariable long id, @RequestBody ModerationRequest body) {
        return comments.moderate(id, Boolean.TRUE.equals(body.publish()), body.reason());
    }

    record ModerationRequest(Boolean publish, String reason) {
    }

    @PostMapping("/api/consultations/{id}/clusters")
    @Operation(summary = "将意见归类，以便一并答复")
    ConsultationRepository.Cluster cluster(@PathVariable long id, @RequestBody ClusterRequest request) {
        return comments.cluster(id, request.title(), request.opinionIds());
    }

    @PostMapping("/api/consultations/{id}/similar-clusters")
    @Operation(summary = "归并相似意见（疑似集中提交），threshold 为相似度阈值，缺省0.8")
    List<ConsultationRepository.Cluster> similar(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
        double threshold = body != null && body.get("threshold") instanceof Number t ? t.doubleValue() : 0.8;
        return comments.clusterSimilar(id, threshold);
    }

    @PutMapping("/api/opinions/{id}/adoption")
    @Operation(summary = "答复一条意见：ADOPTED 采纳、PARTLY_ADOPTED 部分采纳、NOT_ADOPTED 不采纳（后两者须说明理由）")
    Opinion answer(@PathVariable long id, @RequestBody AdoptionRequest request) {
        return comments.answer(id, request.adoption(), request.reason());
    }

    @PutMapping("/api/clusters/{id}/adoption")
    @Operation(summary = "答复一类意见")
    ConsultationRepository.Cluster answerCluster(@PathVariable long id, @RequestBody AdoptionRequest request) {
        return comments.answerCluster(id, request.adoption(), request.reason());
    }

    @PostMapping("/api/consultations/{id}/feedback")
    @Operation(summary = "公布意见采纳情况（截止后，且每条意见均已答复）")
    Consultation feedback(@PathVariable long id, @RequestBody Map<String, String> body) {
        return comments.publishFeedback(id, body.get("summary"));
    }

    record ClusterRequest(String title, List<Long> opinionIds) {
    }

    record AdoptionRequest(Adoption adoption, String reason) {
    }
}
