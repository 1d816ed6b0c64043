package cn.juece.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.AppClock;

/**
 * Decision numbers (DECISIONS.md 1) under concurrency (issue 17): the first registrations of a fresh year race
 * for the year's counter row; none answers 500, and the numbers are distinct and without gaps.
 */
class ConcurrentNumbersTest extends IntegrationTest {

    @Test
    void theFirstRegistrationsOfAYearNeverCollide() throws Exception {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2041, 1, 4, 9, 0).atZone(AppClock.ZONE).toInstant()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int k = i;
                Callable<String> register = () -> {
                    var r = as(LifecycleDriver.LEAD).post("/api/decisions", Map.of("title", "并发登记测试事项" + k, "summary", "测试",
                            "source", "LEADER", "proposer", "李明华", "leadUnit", "fgj"));
                    return r.getStatusCode().value() + " " + (r.getStatusCode().value() == 201 ? r.getBody().get("number").asText() : r.getBody());
                };
                answers.add(pool.submit(register));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<String> f : answers) {
                String a = f.get();
                assertThat(a).startsWith("201 ");
                numbers.add(a.substring(4));
            }
            assertThat(numbers).containsExactlyInAnyOrder("GX-2041-0001", "GX-2041-0002", "GX-2041-0003", "GX-2041-0004",
                    "GX-2041-0005", "GX-2041-0006", "GX-2041-0007", "GX-2041-0008");
        } finally {
            pool.shutdownNow();
        }
    }
}
