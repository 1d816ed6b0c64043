package cn.juece.participation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.support.JsonApi;
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

    PublicCommentJsonApi(PublicCommentService comments) {
        this.comments = comments;
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
    @Operation(summary = "提交意见（content 必填；authorName、contact、quotable 选填），返回回执号")
    ResponseEntity<Map<String, Object>> comment(@PathVariable long id, @RequestBody CommentRequest r) {
        Opinion o = comments.submit(id, new PublicCommentService.Submission(r.authorName(), r.contact(), Boolean.TRUE.equals(r.quotable()),
                r.content(), OpinionChannel.PORTAL, null), false);
        return ResponseEntity.status(201).body(Map.of("receipt", o.receiptDisplay(),
                "moderated", o.moderation() == Opinion.Moderation.PENDING));
    }

    @GetMapping("/public/api/opinions/{receipt}")
    @Operation(summary = "凭回执号查询意见的显示状态和采纳情况")
    Map<String, Object> lookup(@PathVariable String receipt) {
        return comments.lookup(receipt);
    }

    record CommentRequest(String authorName, String contact, Boolean quotable, String content) {
    }
}
