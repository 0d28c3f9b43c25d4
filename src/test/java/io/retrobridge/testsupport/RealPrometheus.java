package io.retrobridge.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Prometheus (the Debian package's {@code prometheus} and {@code promtool}) serving a history the test wrote:
 * the samples become OpenMetrics text, {@code promtool tsdb create-blocks-from openmetrics} turns them into TSDB
 * blocks, and a Prometheus on a free loopback port serves them through its real query API. Put the history in the
 * recent past (the last hours): retention is set to 100 years, but the query API only looks back so far by default.
 *
 * <p>Register it with {@code @RegisterExtension} (static or not); each server is stopped after the test, or after
 * the class for a static field. When the binaries are missing or Prometheus does not become ready, the test is
 * skipped, except under CI ({@code CI=true}), where it fails: there {@code .ci/run} installs the package.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RealPrometheus prometheus = new RealPrometheus();
 *
 * URI baseUrl = prometheus.serve(List.of(new RealPrometheus.Sample("http_error_ratio",
 *         Map.of("service", "checkout"), at, 0.01)));
 * }</pre>
 */
public final class RealPrometheus implements AfterEachCallback, AfterAllCallback, AutoCloseable {

    /**
     * One sample of the history: {@code name{labels} value unix-seconds} in OpenMetrics.
     *
     * @param at kept to whole milliseconds, as Prometheus stores it
     */
    public record Sample(String name, Map<String, String> labels, Instant at, double value) {

        public Sample {
            if (name == null || !name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
                throw new IllegalArgumentException("not a Prometheus metric name: " + name);
            }
            labels = labels == null ? Map.of() : Map.copyOf(labels);
            at = Instant.ofEpochMilli(at.toEpochMilli());
        }

        String openMetricsLine() {
            String labelText = labels.isEmpty() ? "" : new TreeMap<>(labels).entrySet().stream()
                    .map(label -> label.getKey() + "=\"" + escape(label.getValue()) + "\"")
                    .collect(Collectors.joining(",", "{", "}"));
            return name + labelText + " " + number(value) + " "
                    + java.math.BigDecimal.valueOf(at.toEpochMilli(), 3).stripTrailingZeros().toPlainString();
        }

        private static String number(double value) {
            if (Double.isNaN(value)) {
                return "NaN";
            }
            if (Double.isInfinite(value)) {
                return value > 0 ? "+Inf" : "-Inf";
            }
            return Double.toString(value);
        }

        private static String escape(String value) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        }
    }

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> environment;
    private final List<Running> running = new ArrayList<>();

    private record Running(Process process, URI baseUrl) {
    }

    private final List<Path> dirs = new ArrayList<>();

    /** Finds the binaries on this process's PATH; CI=true makes a missing Prometheus a failure. */
    public RealPrometheus() {
        this(System.getenv());
    }

    /** With another PATH and CI than this process's, to test what happens when Prometheus is missing. */
    public RealPrometheus(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Starts a Prometheus serving {@code history} and answers its base URL, e.g. {@code http://127.0.0.1:41234}.
     * Skips the test (fails it under CI) when Prometheus is not installed or does not start.
     */
    public URI serve(List<Sample> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("give at least one sample: promtool makes no block of nothing");
        }
        String prometheus = binary("prometheus");
        String promtool = binary("promtool");
        Path dir;
        try {
            dir = Files.createTempDirectory("real-prometheus-");
            dirs.add(dir);
            Path openMetrics = dir.resolve("history.om");
            Files.writeString(openMetrics, openMetrics(history), StandardCharsets.UTF_8);
            Path data = dir.resolve("data");
            run(dir, List.of(promtool, "tsdb", "create-blocks-from", "openmetrics", openMetrics.toString(),
                    data.toString()), "promtool could not turn the history into blocks");
            Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1h\n");
            return start(prometheus, dir, data);
        } catch (IOException e) {
            return unavailable("cannot prepare Prometheus's files: " + e.getMessage());
        }
    }

    /** Whether {@code prometheus} and {@code promtool} are on the PATH. */
    public boolean installed() {
        return find("prometheus") != null && find("promtool") != null;
    }

    /** The history as promtool reads it: one line per sample in time order, then {@code # EOF}. */
    static String openMetrics(List<Sample> history) {
        return history.stream().sorted(Comparator.comparing(Sample::at)).map(Sample::openMetricsLine)
                .collect(Collectors.joining("\n", "", "\n# EOF\n"));
    }

    private URI start(String prometheus, Path dir, Path data) throws IOException {
        String lastProblem = "";
        for (int attempt = 1; attempt <= 3; attempt++) {
            int port = freePort();
            Path log = dir.resolve("prometheus-" + attempt + ".log");
            Process process = new ProcessBuilder(prometheus, "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + data, "--storage.tsdb.retention.time=100y",
                    "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            URI baseUrl = URI.create("http://127.0.0.1:" + port);
            Running server = new Running(process, baseUrl);
            running.add(server);
            if (awaitReady(process, baseUrl)) {
                return baseUrl;
            }
            lastProblem = tail(log);
            stop(server.process());
            running.remove(server);
            if (!lastProblem.contains("address already in use")) {
                break;
            }
        }
        return unavailable("Prometheus did not become ready within " + READY_WITHIN.toSeconds() + " s; its log ends:\n"
                + lastProblem);
    }

    private static boolean awaitReady(Process process, URI baseUrl) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(baseUrl.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void run(Path dir, List<String> command, String problem) throws IOException {
        Path log = dir.resolve(Path.of(command.get(0)).getFileName() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                unavailable(problem + ": still running after 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            unavailable(problem + ": interrupted");
        }
        if (process.exitValue() != 0) {
            // A history the tool refuses is the test's own mistake, not a missing installation: always fail.
            fail(problem + " (exit " + process.exitValue() + "):\n" + tail(log));
        }
    }

    private String binary(String name) {
        Path found = find(name);
        if (found == null) {
            unavailable(name + " is not installed (Debian package prometheus: apt-get install -y "
                    + "--no-install-recommends prometheus; .ci/run does this under CI)");
        }
        return found.toString();
    }

    private Path find(String name) {
        String path = environment.get("PATH");
        if (path == null) {
            return null;
        }
        return Stream.of(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** Skips the test, or fails it under CI, where a missing Prometheus means the tests did not run. */
    private <T> T unavailable(String why) {
        String ci = environment.get("CI");
        if (ci != null && ci.toLowerCase(Locale.ROOT).equals("true")) {
            fail("A real Prometheus is needed under CI but " + why);
        }
        Assumptions.abort("No real Prometheus here: " + why);
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getTestInstance().isPresent() && !isStaticField(context)) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** A static field's servers live for the class; afterAll stops them. */
    private boolean isStaticField(ExtensionContext context) {
        return Stream.of(context.getRequiredTestClass().getDeclaredFields())
                .filter(field -> java.lang.reflect.Modifier.isStatic(field.getModifiers()))
                .anyMatch(field -> {
                    try {
                        field.setAccessible(true);
                        return field.get(null) == this;
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return false;
                    }
                });
    }

    /** Stops every server this instance started and removes its files. */
    @Override
    public void close() {
        running.forEach(server -> stop(server.process()));
        running.clear();
        dirs.forEach(RealPrometheus::deleteQuietly);
        dirs.clear();
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // A temp dir left behind is no reason to fail a test.
        }
    }
}
