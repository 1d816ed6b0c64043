package cn.juece.twonode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One application node: the packaged jar in a JVM of its own ({@code java -jar target/juece-….jar}), as it is
 * deployed, its output in a log file of its own.
 */
final class AppNode {

    final String name;
    final int port;
    final Path log;
    private final Path jar;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private Process process;

    AppNode(String name, int port, Path jar, Path log, List<String> arguments, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.log = log;
        this.arguments = arguments;
        this.environment = environment;
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
                "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Files.writeString(log, "==== " + name + " starting: " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
    }

    /** Waits until /actuator/health/readiness says UP (the seeding done), failing with the log's tail otherwise. */
    Duration awaitReady(Duration timeout) throws Exception {
        long start = System.nanoTime();
        long until = start + timeout.toNanos();
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail(60));
            }
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " not ready within " + timeout + ":\n" + tail(60));
    }

    /** kill -9: no shutdown hook, no graceful stop, whatever was in flight is cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A graceful stop (SIGTERM), as an operator's restart would do it. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String logText() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
