package cn.juece.access;

import java.util.function.Function;

import cn.juece.support.RuleViolation;

/**
 * A resource addressed by its own id under {@code /api/<segment>/{id}} (or inside a decision's page,
 * {@code /decisions/{number}/…/<segment>/{id}}) that belongs to one decision: a consultation, an opinion, a hearing…
 * Seeing it is seeing its decision (DECISIONS.md 23); a hidden one is answered with the resource's own not-found.
 *
 * @param segment     the path segment before the id, e.g. "consultations"
 * @param decisionSql SQL with one parameter (the id) selecting the decision id it belongs to
 * @param notFound    the refusal for an id that does not exist (the same for one that may not be seen)
 */
public record ScopedResource(String segment, String decisionSql, Function<String, RuleViolation> notFound) {
}
