package cn.juece.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Juece in a fresh JVM for a benchmark: started on a free port with these arguments, ready when it says so. */
final class BenchApp implements AutoCloseable {

    final int port;
    private final Process process;

    /** The app's process id (its threads' CPU time is read from /proc). */
    long pid() {
        return process.pid();
    }

    private BenchApp(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static BenchApp start(String datasourceUrl, String... extraArgs) throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8", "-Xmx" + System.getProperty("bench.xmx", "1g"),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        String jvm = System.getProperty("bench.jvm", "").strip();   // e.g. a JFR recording: -XX:StartFlightRecording=filename=...
        if (!jvm.isEmpty()) {
            cmd.addAll(cmd.size() - 2, List.of(jvm.split("\\s+")));
        }
        cmd.addAll(List.of(
                "cn.juece.JueceApplication", "--server.port=" + port,
                // on PostgreSQL the postgres profile gives the two roles (config/application-postgres.yaml)
                "--spring.profiles.active=" + (datasourceUrl.startsWith("jdbc:postgresql:") ? "benchmark,postgres" : "benchmark"),
                "--spring.datasource.url=" + datasourceUrl));
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        java.util.Deque<String> tail = new java.util.ArrayDeque<>();
        while ((line = out.readLine()) != null) {
            tail.add(line);
            if (tail.size() > 40) {
                tail.poll();
            }
            if (line.contains("Juece ready in")) {
                Thread drain = new Thread(() -> {
                    try {
                        String l;
                        boolean verbose = System.getProperty("bench.verbose") != null;
                        while ((l = out.readLine()) != null) {
                            if (verbose) {    // keep the pipe flowing; show the app's log when asked
                                System.out.println("[app] " + l);
                            }
                        }
                    } catch (Exception ignored) {
                        // ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new BenchApp(port, p);
            }
            if (System.getProperty("bench.verbose") != null) {
                System.out.println("[app] " + line);
            }
        }
        throw new IllegalStateException("the application ended before it was ready:\n" + String.join("\n", tail));
    }

    /** Stops the app the way an operator does (SIGTERM: H2 closes, compacting for up to MAX_COMPACT_TIME). */
    @Override
    public void close() throws Exception {
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
