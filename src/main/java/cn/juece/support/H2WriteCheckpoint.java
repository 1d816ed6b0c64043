package cn.juece.support;

import java.io.IOException;
import java.util.Set;

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
 * half a second, in few large chunks: a small file) while a successful write request still answers only once its rows
 * are on disk (issue 17; before, WRITE_DELAY=0 wrote a chunk per commit and the file grew by ~336 kB per registered
 * decision). A write request (POST, PUT, PATCH, DELETE) is held until a CHECKPOINT that began after it committed has
 * ended; concurrent requests share one checkpoint (a group commit to disk). Its answer (a receipt, a decision number,
 * a redirect) is buffered meanwhile, so nothing reaches the client before the checkpoint. Only on an H2 file database
 * with {@code juece.h2.checkpoint-on-write=true} (the default); PostgreSQL commits durably by itself.
 */
@Configuration
class H2WriteCheckpoint {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> h2CheckpointFilter(JdbcTemplate jdbc,
                                                                    @Value("${spring.datasource.url:}") String url,
                                                                    @Value("${juece.h2.checkpoint-on-write:true}") boolean enabled) {
        Checkpoints checkpoints = new Checkpoints(jdbc);
        boolean active = enabled && url.startsWith("jdbc:h2:file:") && !url.toUpperCase().contains("WRITE_DELAY=0");
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !active || !WRITES.contains(request.getMethod());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var held = new ContentCachingResponseWrapper(response);
                try {
                    chain.doFilter(request, held);
                } finally {
                    if (held.getStatus() < 500) {
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
    static final class Checkpoints {
        private final JdbcTemplate jdbc;
        private final Object lock = new Object();
        private long requested;
        private long done;

        Checkpoints(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
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
                jdbc.execute("CHECKPOINT");
                done = upTo;
            }
        }
    }
}
