package cn.juece.support;

/** The body of every refusal of the application's /api: a stable code and a Chinese explanation. */
public record ApiError(String code, String message) {

    /**
     * The answer for an HTTP error that no rule of ours named: an unknown path, a wrong method or content type, an
     * oversize upload, a failure before any handler was chosen (DECISIONS.md 27: still a code and a Chinese sentence).
     *
     * @param method the request's method, named in a 405's message
     */
    public static ApiError forStatus(int status, String method) {
        return switch (status) {
            case 400 -> new ApiError("BAD_REQUEST", "请求有误：参数缺失、格式不正确或取值无效。请核对后重试。");
            case 401 -> new ApiError("UNAUTHENTICATED", "请先登录，或在请求中提供 HTTP Basic 认证信息（用户名和密码）。");
            case 403 -> new ApiError("FORBIDDEN", "您没有执行该操作的权限。");
            case 404 -> new ApiError("NOT_FOUND", "所请求的地址或对象不存在。请核对地址；接口说明见 /swagger-ui.html。");
            case 405 -> new ApiError("METHOD_NOT_ALLOWED", "不支持该请求方法：" + method + "。接口说明见 /swagger-ui.html。");
            case 406 -> new ApiError("NOT_ACCEPTABLE", "无法按所要求的格式（Accept）答复：本接口以 JSON 答复。");
            case 413 -> new ApiError("UPLOAD_TOO_LARGE", "上传文件超过系统允许的最大大小。");
            case 415 -> new ApiError("UNSUPPORTED_MEDIA_TYPE",
                    "不支持该请求内容类型：请以 JSON 提交（Content-Type: application/json），上传文件请用 multipart/form-data。");
            case 429 -> new ApiError("TOO_MANY_REQUESTS", "提交过于频繁，请稍后再试。");
            case 503 -> new ApiError("SERVICE_UNAVAILABLE", "系统暂时无法处理该请求，未保存任何内容。请稍后重试。");
            default -> status >= 500
                    ? new ApiError("INTERNAL_ERROR", "系统内部错误，操作未完成，未保存任何内容。请稍后重试或联系管理员。")
                    : new ApiError("REQUEST_REFUSED", "请求未被接受（HTTP " + status + "）。请核对请求后重试。");
        };
    }
}
