package cn.juece.web;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.portal.PortalProperties;
import cn.juece.support.ApiError;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every error the container hands to {@code /error} (an unknown address, a wrong method, an oversize upload, a
 * failure before or inside a handler), in place of Spring's English "Whitelabel Error Page" and its
 * {timestamp, status, error, path} JSON: /api (and the portal's JSON intake) answer {code, message} in Chinese
 * (DECISIONS.md 27); the portal's addresses get the portal's page, everything else the staff page, both with a
 * way back. Never a stack trace or an exception's text.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ErrorPages implements ErrorController {

    /** The staff error page, also rendered by {@link PageAdvice} for a page refused by a rule. */
    public static final String STAFF_VIEW = "error/staff";
    /** The portal's error page, also rendered by the portal's advice for a refusal. */
    public static final String PUBLIC_VIEW = "error/public";

    /**
     * Request attributes a filter may set before {@code sendError} to say more than the status does (e.g. an expired
     * form's CSRF token): the page's title, the Chinese sentence and the stable code.
     */
    public static final String TITLE = ErrorPages.class.getName() + ".title";
    public static final String MESSAGE = ErrorPages.class.getName() + ".message";
    public static final String CODE = ErrorPages.class.getName() + ".code";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ErrorPages.class);

    private final Directory directory;
    private final Navigation navigation;
    private final PortalProperties portal;

    ErrorPages(Directory directory, Navigation navigation, PortalProperties portal) {
        this.directory = directory;
        this.navigation = navigation;
        this.portal = portal;
    }

    @RequestMapping
    Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        String path = originalPath(request);
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable cause) {
            // a failure outside the handlers (a filter, a commit after the handler): the one place it can be logged
            log.error("Server error on {} {}", request.getMethod(), path, cause);
        }
        ApiError known = ApiError.forStatus(status, request.getMethod());
        String message = request.getAttribute(MESSAGE) instanceof String m ? m : null;
        String code = request.getAttribute(CODE) instanceof String c ? c : known.code();
        if (path.startsWith("/api/") || path.startsWith("/public/api/") || path.equals("/api")) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .body(message == null ? known : new ApiError(code, message));
        }
        response.setStatus(status);
        describe(model, status, message == null ? pageMessage(status) : message, code);
        if (request.getAttribute(TITLE) instanceof String title) {
            model.addAttribute("title", title);
        }
        if (path.startsWith("/public")) {
            model.addAttribute("county", portal.countyName());
            return PUBLIC_VIEW;
        }
        Actor me = directory.currentActor();
        if (!me.isSystem()) {
            model.addAttribute("me", me);
            model.addAttribute("nav", navigation.of(me));
        }
        return STAFF_VIEW;
    }

    /** The error page's model: its title by status, the Chinese sentence, the code (shown small) and the status. */
    static void describe(Model model, int status, String message, String code) {
        model.addAttribute("status", status);
        model.addAttribute("title", title(status));
        model.addAttribute("message", message);
        model.addAttribute("code", code);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 403 -> "无权访问";
            case 404 -> "未找到";
            case 405 -> "请求方式不正确";
            case 413 -> "上传文件过大";
            case 429 -> "提交过于频繁";
            default -> status >= 500 ? "系统内部错误" : "请求未被接受";
        };
    }

    /** What a person reads on the page: what happened and what to do next (UI.md). */
    static String pageMessage(int status) {
        return switch (status) {
            case 400 -> "请求的内容不完整或格式有误，未保存任何内容。请返回上一页，检查填写的内容后重新提交。";
            case 403 -> "您没有打开该页面或办理该事项的权限。如需办理，请联系本单位负责人或系统管理员。";
            case 404 -> "您要访问的页面不存在，可能是地址有误，或该页面已被移除。请检查地址，或从下面的链接继续。";
            case 405 -> "该地址不能这样打开（例如直接在地址栏中打开了只能由表单提交的地址）。请返回上一页，通过页面上的按钮操作。";
            case 413 -> "上传的文件超过系统允许的大小，未保存任何内容。请压缩或拆分文件后重新上传。";
            case 429 -> "提交过于频繁，请稍后再试。";
            default -> status >= 500
                    ? "系统内部错误，操作未完成，未保存任何内容。请稍后重试；如仍不能办理，请联系系统管理员。"
                    : "请求未被接受，未保存任何内容。请返回上一页重试。";
        };
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && path.startsWith(context) ? path.substring(context.length()) : path;
    }
}
