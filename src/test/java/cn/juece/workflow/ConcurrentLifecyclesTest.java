package cn.juece.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;

/**
 * No errors under concurrency (issue 17): eight clients at once register decisions and drive them through study,
 * launch, drafting and the legality submission over /api. Every answer is a success — no 500 from the number counter,
 * the step rows, the stage tracking or the audit chain heads — and every decision ends where it should.
 */
class ConcurrentLifecyclesTest extends IntegrationTest {

    @Test
    void eightClientsDrivingDecisionsAtOnceGetNoServerError() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    var d = driver();
                    List<String> numbers = new ArrayList<>();
                    for (int k = 0; k < 2; k++) {
                        String n = d.create("并发办理测试事项（客户端" + client + "-" + k + "）");
                        d.study(n);
                        d.launch(n);
                        d.draft(n, false, false, false);
                        d.submitForLegality(n);
                        numbers.add(n);
                    }
                    return numbers;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : clients) {
                all.addAll(f.get());   // a failed step (any non-2xx, a 500 among them) fails here with its answer
            }
            assertThat(all).hasSize(16).doesNotHaveDuplicates();
            var d = driver();
            for (String n : all) {
                assertThat(d.openTaskKeys(n)).containsExactly("legality-review");
                assertThat(d.as("admin").get("/api/decisions/" + n + "/audit/verify").getBody().get("intact").asBoolean()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
