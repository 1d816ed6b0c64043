package cn.juece.support;

/** The body of every refusal of the application's /api: a stable code and a Chinese explanation. */
public record ApiError(String code, String message) {
}
