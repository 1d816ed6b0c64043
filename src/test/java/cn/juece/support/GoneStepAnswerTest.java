package cn.juece.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * What the engine no longer finds (a step completed by a colleague or a double click a moment before) is answered on
 * /api with one code and one Chinese message, whether the engine throws it as it is or wrapped (DECISIONS.md 27: a 4xx
 * with the Chinese message, never a 500). ConcurrentCompletionTest drives the race itself, which lands in either
 * window only sometimes.
 */
class GoneStepAnswerTest {

    private static final String MESSAGE = "所办理的环节或对象不存在，或刚刚已经办结（可能是重复提交，或他人同时办理）。本次操作未保存任何内容，请刷新后查看。";

    private final ApiErrorHandler handler = new ApiErrorHandler();
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tasks/t-42/complete");

    @Test
    void theEnginesNotFoundAsItIs() {
        var answer = handler.engineNotFound(new NullValueException("Cannot find task with id t-42: task is null"), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody().code()).isEqualTo("NOT_FOUND");
        assertThat(answer.getBody().message()).isEqualTo(MESSAGE);
    }

    @Test
    void theEnginesNotFoundWrapped() {
        var wrapped = new ProcessEngineException("completing failed", new NullValueException("execution is null"));
        var answer = handler.other(wrapped, request);
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody().code()).isEqualTo("NOT_FOUND");
        assertThat(answer.getBody().message()).isEqualTo(MESSAGE);
    }
}
