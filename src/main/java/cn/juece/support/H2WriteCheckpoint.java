package cn.juece.support;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The embedded H2 file database keeps H2's default write delay (commits written by a background thread within about
 * half a second) while a successful write request still answers only once its rows are on the disk (issue 17). A write
 * request (POST, PUT, PATCH, DELETE) is held until a {@code CHECKPOINT SYNC} that began after it committed has ended
 * (the store written and the file forced to the disk); concurrent requests share one (a group commit). Its answer (a
 * receipt, a decision number, a redirect) is buffered meanwhile, so nothing reaches the client before that. Only on an
 * H2 file database with {@code juece.h2.checkpoint-on-write=true} (the default); PostgreSQL commits durably by itself.
 *
 * <p>Besides, a background thread forces the file to the disk every {@code juece.h2.sync-interval} (0.5 s), so that the
 * writes H2's own writer makes for work outside requests (timers, the mail outbox) are on the disk within that time too.
 * That is what lets the URL set a short {@code RETENTION_TIME} (config/application.yaml): H2 overwrites a chunk freed by
 * a newer one only after that time, which its documentation says must exceed the time the file system takes to flush
 * — with every write forced within half a second, 2 s keeps a margin, and the file no longer grows by every chunk of
 * the last 45 s under sustained writing (issue 17).
 */
@Configuration
public class H2WriteCheckpoint {

    private static final Logger log = LoggerFactory.getLogger(H2WriteCheckpoint.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    static boolean h2File(String url) {
        return url.startsWith("jdbc:h2:file:") && !url.toUpperCase().contains("WRITE_DELAY=0");
    }

    @Bean
    Checkpoints h2Checkpoints(JdbcTemplate jdbc, @Value("${spring.datasource.url:}") String url,
                              @Value("${juece.h2.checkpoint-on-write:true}") boolean onWrite,
                              @Value("${juece.h2.checkpoint-sync:true}") boolean sync,
                              @Value("${juece.h2.sync-interval:PT0.5S}") Duration interval) {
        Checkpoints checkpoints = new Checkpoints(jdbc, sync, h2File(url) && onWrite);
        if (h2File(url) && sync && !interval.isZero()) {
            checkpoints.startTicker(interval);
        }
        return checkpoints;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> h2CheckpointFilter(Checkpoints checkpoints,
                                                                    @Value("${spring.datasource.url:}") String url,
                                                                    @Value("${juece.h2.checkpoint-on-write:true}") boolean enabled) {
        boolean active = enabled && h2File(url);
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !active || !WRITES.contains(request.getMethod());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var held = new ContentCachingResponseWrapper(response);
                DurableCommits.consume();   // no mark left over from an earlier request on this thread
                try {
                    chain.doFilter(request, held);
                } finally {
                    // a group commit that already forced its batch to the disk marked the thread (the comment intake)
                    if (!DurableCommits.consume() && held.getStatus() < 500) {
                        checkpoints.await();
                    }
                    held.copyBodyToResponse();
                }
            }
        };
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        // outermost: after every inner filter (security, the webapps' own) has finished writing the answer
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("h2WriteCheckpoint");
        return registration;
    }

    /** Checkpoints shared by the requests waiting at once: one CHECKPOINT covers every commit made before it began. */
    public static final class Checkpoints implements DisposableBean {
        private final JdbcTemplate jdbc;
        private final String statement;
        private final Object lock = new Object();
        private long requested;
        private long done;
        private volatile Thread ticker;
        private final boolean active;

        /**
         * @param sync   CHECKPOINT SYNC: the file is also forced to the disk (fsync), not only handed to the OS
         * @param active an H2 file database whose write requests wait for a checkpoint (group commits then make theirs)
         */
        Checkpoints(JdbcTemplate jdbc, boolean sync, boolean active) {
            this.jdbc = jdbc;
            this.active = active;
            this.statement = sync ? "CHECKPOINT SYNC" : "CHECKPOINT";
        }

        /**
         * For a group commit's writer ({@link GroupCommit#durable}): a checkpoint after its commit when this is an H2
         * file database whose write requests wait for one; answers whether it ran.
         */
        public boolean afterCommit() {
            if (!active) {
                return false;
            }
            await();
            return true;
        }

        void await() {
            long ticket;
            synchronized (this) {
                ticket = ++requested;
            }
            synchronized (lock) {
                if (done >= ticket) {
                    return;
                }
                long upTo;
                synchronized (this) {
                    upTo = requested;
                }
                jdbc.execute(statement);
                done = upTo;
            }
        }

        /** Forces the file to the disk every interval, whoever wrote to it (see the class comment). */
        void startTicker(Duration interval) {
            Thread t = new Thread(() -> {
                while (ticker == Thread.currentThread()) {
                    try {
                        Thread.sleep(interval.toMillis());
                        await();
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        log.warn("h2: periodic CHECKPOINT SYNC failed: {}", e.toString());
                    }
                }
            }, "h2-sync");
            t.setDaemon(true);
            ticker = t;
            t.start();
        }

        /** Before the data source closes (this bean depends on it): the ticker stops. */
        @Override
        public void destroy() throws InterruptedException {
            Thread t = ticker;
            ticker = null;
            if (t != null) {
                t.interrupt();
                t.join(5000);
            }
        }
    }
}
