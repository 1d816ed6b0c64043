package cn.juece.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The same request sent by several clients at the same moment (a double tap, two clerks at one step): their answers. */
public final class AtOnce {

    private AtOnce() {
    }

    public static <T> List<T> send(int copies, Callable<T> send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return send.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
