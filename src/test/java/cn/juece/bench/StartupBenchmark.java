package cn.juece.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up to ready, Juece against a bare Camunda app measured in the same run (DECISIONS.md 19: at most
 * twice the bare app, about 16 s here; 30 s is a failure). Each start is a fresh JVM on a fresh H2 file
 * database, so Juece's figure includes creating its schema and seeding the organisation.
 * Run: ./mvnw test -Pbenchmark
 */
@Tag("benchmark")
class StartupBenchmark {

    private static final int RUNS = 3;
    /** The bare app is ready when Spring has started; Juece when it has also seeded (ApplicationReadyEvent). */
    private static final Pattern BARE_READY = Pattern.compile("Started (\\w+) in ([0-9.]+) seconds");
    private static final Pattern JUECE_READY = Pattern.compile("Juece ready in ([0-9.]+) seconds");

    @Test
    void startupToReady() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<double[]> bare = new ArrayList<>();
        List<double[]> juece = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            bare.add(start(cp, "bench.BareCamundaApp", BARE_READY, 2));
            juece.add(start(cp, "cn.juece.JueceApplication", JUECE_READY, 1));
        }
        double bareWall = median(bare, 0), juceWall = median(juece, 0);
        double bareSpring = median(bare, 1), juceSpring = median(juece, 1);
        System.out.println();
        System.out.println("Start-up to ready (median of " + RUNS + " fresh JVMs, fresh H2 file database each)");
        System.out.println("| app                 | wall to ready (s) | JVM uptime at ready (s) | ratio to bare |");
        System.out.println("|---------------------|-------------------|-------------------------|---------------|");
        System.out.printf("| bare Camunda 7.24   | %17.2f | %23.2f | %13.2f |%n", bareWall, bareSpring, 1.0);
        System.out.printf("| Juece               | %17.2f | %23.2f | %13.2f |%n", juceWall, juceSpring, juceWall / bareWall);
        System.out.println();
        assertThat(juceWall).as("start-up to ready (DECISIONS.md 19: 30 s is a failure)").isLessThan(30.0);
    }

    /** Starts the app, returns {wall seconds until ready, the app's own figure}, then stops it. */
    private static double[] start(String cp, String mainClass, Pattern ready, int group) throws Exception {
        Path dir = Files.createTempDirectory("juece-bench");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8", "-cp", cp, mainClass,
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0",
                "--spring.main.banner-mode=off");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(Path.of(".").toFile()).redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = ready.matcher(line);
                if (m.find()) {
                    double wall = (System.nanoTime() - t0) / 1e9;
                    return new double[]{wall, Double.parseDouble(m.group(group))};
                }
                if (line.contains("APPLICATION FAILED TO START")) {
                    throw new IllegalStateException(mainClass + " failed to start");
                }
            }
            throw new IllegalStateException(mainClass + " ended before it was ready");
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static double median(List<double[]> runs, int column) {
        double[] v = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v[v.length / 2];
    }
}
