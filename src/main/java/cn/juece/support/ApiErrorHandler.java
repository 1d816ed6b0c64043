package cn.juece.support;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Turns every refusal of /api into {"code", "message"} with a 4xx status. Exceptions are translated here,
 * never caught inside a transaction (STACK-NOTES: UnexpectedRollbackException), so nothing is committed.
 */
@RestControllerAdvice(annotations = JsonApi.class)
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    /**
     * A refusal is not an error (DECISIONS.md 27): one line with its code, no stack trace; at DEBUG for the
     * anonymous public intake (/public/api), where a flood of refusals must not become a flood of log lines.
     */
    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ApiError> rule(RuleViolation e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/public/")) {
            log.debug("Refused {} {}: [{}] {}", request.getMethod(), request.getRequestURI(), e.code(), e.chineseMessage());
        } else {
            log.info("Refused {} {}: [{}] {}", request.getMethod(), request.getRequestURI(), e.code(), e.chineseMessage());
        }
        return ResponseEntity.status(e.status()).body(new ApiError(e.code(), e.chineseMessage()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + "：" + f.getDefaultMessage())
                .collect(Collectors.joining("；"));
        return ResponseEntity.badRequest().body(new ApiError("VALIDATION_FAILED", "请求内容不完整或有误：" + fields));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ApiError("MALFORMED_REQUEST", "请求内容不是有效的 JSON，或字段类型有误。"));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ResponseEntity<ApiError> missing(Exception e) {
        return ResponseEntity.badRequest().body(new ApiError("PARAMETER_MISSING", "缺少必填参数：" + e.getMessage()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiError.forStatus(413, null));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ApiError.forStatus(405, e.getMethod()));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ApiError> unauthorized(AuthorizationException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("NOT_AUTHORIZED", "您没有执行该操作的权限。"));
    }

    /**
     * The engine found nothing where it was told to act: what it was asked to act on went a moment before (a step
     * completed by a colleague or by a double click). The same answer as when the engine reports it wrapped
     * ({@link Conflicts#refusalFor}), on /api, the pages and the engine REST API alike.
     */
    @ExceptionHandler(NullValueException.class)
    ResponseEntity<ApiError> engineNotFound(NullValueException e, HttpServletRequest request) {
        return rule(Conflicts.refusalFor(e), request);
    }

    /** The engine wraps a listener's refusal; unwrap it so that /api answers with the rule's code. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ApiError> other(RuntimeException e, HttpServletRequest request) {
        RuleViolation rv = RuleViolation.findIn(e);
        if (rv == null) {
            rv = Conflicts.refusalFor(e);   // a step completed twice at once, a concurrent change (issue 17)
        }
        if (rv != null) {
            return rule(rv, request);
        }
        if (e instanceof TypeMismatchException mismatch) {
            return ResponseEntity.badRequest().body(new ApiError("PARAMETER_INVALID",
                    "参数格式有误：" + mismatch.getPropertyName() + "（" + mismatch.getValue() + "）。"));
        }
        if (e instanceof ErrorResponse known) {
            // Spring's own refusals (an unacceptable Accept header, …): their status with our shape.
            return ResponseEntity.status(known.getStatusCode()).body(ApiError.forStatus(known.getStatusCode().value(), null));
        }
        log.error("Unexpected error on /api", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ApiError("INTERNAL_ERROR", "系统内部错误，操作未完成，未保存任何内容。请稍后重试或联系管理员。"));
    }
}
