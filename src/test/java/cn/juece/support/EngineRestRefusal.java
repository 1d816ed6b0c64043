package cn.juece.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the engine REST API answers a rule refusal (DECISIONS.md 27): a 4xx with
 * {"type":"RuleViolation","code","message"}, the message being only the Chinese sentence (Tasklist shows it).
 */
public final class EngineRestRefusal {

    private EngineRestRefusal() {
    }

    /** Asserts the answer is the refusal with that code, its message containing the given Chinese parts. */
    public static void assertRefused(ResponseEntity<JsonNode> answer, String code, String... messageParts) {
        JsonNode body = answer.getBody();
        assertThat(answer.getStatusCode().is4xxClientError()).as("status of " + body).isTrue();
        assertThat(body).as("body").isNotNull();
        assertThat(body.path("type").asText()).as(String.valueOf(body)).isEqualTo("RuleViolation");
        assertThat(body.path("code").asText()).as(String.valueOf(body)).isEqualTo(code);
        assertThat(body.path("message").asText()).contains(messageParts).doesNotContain("[" + code + "]", "ENGINE-");
    }
}
