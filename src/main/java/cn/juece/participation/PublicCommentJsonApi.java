package cn.juece.participation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.portal.FormOnce;
import cn.juece.support.JsonApi;
import cn.juece.support.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The public comment as JSON, for the county's own apps and new-media channels (Art. 18, 20): the same
 * rules as the portal's form, no account; CSRF by the cookie the GET sets and the token it returns, sent
 * back in the X-XSRF-TOKEN header; the portal's per-client rate limit applies. Never touches the process.
 */
@RestController
@JsonApi
@Tag(name = "公开征求意见（公众接口）", description = "无需登录：读取征求意见、提交意见、凭回执号查询")
class PublicCommentJsonApi {

    private final PublicCommentService comments;
    private final FormOnce forms;

    PublicCommentJsonApi(PublicCommentService comments, FormOnce forms) {
        this.comments = comments;
        this.forms = forms;
    }

    @GetMapping("/public/api/consultations/{id}")
    @Operation(summary = "征求意见公告及期限；返回提交意见所需的防伪令牌（请求头 X-XSRF-TOKEN）")
    Map<String, Object> consultation(@PathVariable long id, HttpServletRequest request) {
        Consultation c = comments.consultation(id);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", c.id());
        result.put("title", c.title());
        result.put("notice", c.noticeText());
        result.put("opensOn", c.opensOn().toString());
        result.put("closesOn", c.closesOn().toString());
        result.put("status", comments.effectiveStatus(c).label());
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            result.put("csrf", Map.of("header", token.getHeaderName(), "token", token.getToken()));
        }
        return result;
    }

    @PostMapping("/public/api/consultations/{id}/opinions")
    @Operation(summary = "提交意见（content 必填；authorName、contact、quotable 选填），返回回执号。"
            + "可带请求头 Idempotency-Key（如 UUID）：同一键、同一内容重复提交时不再登记，返回首次的回执号（200，repeated 为 true）")
    ResponseEntity<Map<String, Object>> comment(@PathVariable long id, @RequestBody CommentRequest r,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        var submission = new PublicCommentService.Submission(r.authorName(), r.contact(), Boolean.TRUE.equals(r.quotable()),
                r.content(), OpinionChannel.PORTAL, null);
        if (key == null) {
            Opinion o = comments.submit(id, submission, false);
            return ResponseEntity.status(201).body(Map.of("receipt", o.receiptDisplay(),
                    "moderated", o.moderation() == Opinion.Moderation.PENDING));
        }
        FormOnce.Key formKey = FormOnce.key(key, r.authorName(), r.contact(), r.quotable(), r.content());
        if (formKey == null) {
            throw RuleViolation.badRequest("IDEMPOTENCY_KEY_INVALID",
                    "请求头 Idempotency-Key 应为16至64个字母、数字、“-”或“_”（例如一个 UUID）。本次提交未被接收。");
        }
        // an app resending after a lost answer: the opinion is stored once (Art. 28-29), the first receipt returned
        Opinion[] made = new Opinion[1];
        FormOnce.Outcome taken = forms.submitRecorded(formKey, () -> {
            made[0] = comments.submit(id, submission, false, null, null, formKey);
            return made[0].receipt();
        });
        Opinion o = made[0] != null && made[0].receipt().equals(taken.receipt()) ? made[0] : comments.opinionByReceipt(taken.receipt());
        return ResponseEntity.status(taken.repeated() ? 200 : 201).body(Map.of("receipt", o.receiptDisplay(),
                "moderated", o.moderation() == Opinion.Moderation.PENDING, "repeated", taken.repeated()));
    }

    @GetMapping("/public/api/opinions/{receipt}")
    @Operation(summary = "凭回执号查询意见的显示状态和采纳情况")
    Map<String, Object> lookup(@PathVariable String receipt) {
        return comments.lookup(receipt);
    }

    record CommentRequest(String authorName, String contact, Boolean quotable, String content) {
    }
}
