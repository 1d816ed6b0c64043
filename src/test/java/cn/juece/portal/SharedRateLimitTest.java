package cn.juece.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;

/**
 * The portal's submission budget lives in the database (issue 15, DECISIONS.md 21): concurrent submissions of one
 * visitor are counted exactly, and a count another node wrote is this node's count too (TwoNodesTest shows it with
 * two real nodes behind nginx).
 */
class SharedRateLimitTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AppClock clock;

    @Test
    void concurrentSubmissionsOfOneVisitorAreCountedExactly() throws Exception {
        String address = "192.0.2.50";
        forget(address); // a database kept from an earlier run (PostgreSQL)
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                int k = i;
                answers.add(pool.submit(() -> {
                    Visitor v = new Visitor(port, address);
                    go.await();
                    HttpResponse<String> r = v.submit("/public/proposals/new", "/public/proposals", PublicPortalTest.proposal("同时提交第" + k + "条"));
                    return r.statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(5);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT submissions FROM juece.submission_window WHERE client = ?").param(address).query(Integer.class).single())
                .isEqualTo(10);
    }

    @Test
    void aCountAnotherNodeWroteIsTheBudgetHereAndAnEndedWindowStartsAfresh() {
        String address = "192.0.2.51";
        forget(address);
        // as another node would have left it: five submissions in a window that began a minute ago
        jdbc.sql("INSERT INTO juece.submission_window (client, window_start, submissions) VALUES (?, ?, 5)")
                .params(address, clock.now().minusMinutes(1)).update();
        Visitor v = new Visitor(port, address);
        HttpResponse<String> refused = v.submit("/public/proposals/new", "/public/proposals", PublicPortalTest.proposal("第六条"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("每10分钟最多提交5次");
        long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(8 * 60L, 9 * 60L + 1);

        jdbc.sql("UPDATE juece.submission_window SET window_start = ? WHERE client = ?").params(clock.now().minusMinutes(11), address).update();
        assertThat(v.submit("/public/proposals/new", "/public/proposals", PublicPortalTest.proposal("新的时段")).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT submissions FROM juece.submission_window WHERE client = ?").param(address).query(Integer.class).single())
                .isEqualTo(1);
    }

    private void forget(String address) {
        jdbc.sql("DELETE FROM juece.submission_window WHERE client = ?").param(address).update();
    }
}
