package io.retrobridge.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The connector started as its own JVM, as an operator runs it: same classpath and java as this test JVM,
 * Spring settings passed as {@code --name=value} arguments, output written to a log file. It can be killed
 * with SIGKILL (nothing runs on the way out: no shutdown hook, no graceful stop) and started again on the same
 * H2 file database, and it reports its CPU time and peak resident memory from {@code /proc}.
 */
public final class ConnectorProcess implements AutoCloseable {

    private static final String MAIN_CLASS = "io.retrobridge.RetroBridgeApplication";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Exit status of a process ended by signal 9 (128 + 9), which is what SIGKILL leaves on Linux. */
    public static final int KILLED_BY_SIGKILL = 137;
    /** USER_HZ, the unit of the CPU columns in /proc/<pid>/stat: 100 on every Linux build that matters here. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Process process;
    private final int port;
    private final Path log;

    private ConnectorProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the connector with these settings (without the leading {@code --}) and waits until it reports
     * ready. {@code server.port} is chosen free unless given; {@code jvmOptions} go before the main class.
     */
    public static ConnectorProcess start(Map<String, String> settings, List<String> jvmOptions, Path log,
            Duration startTimeout) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        int port = all.containsKey("server.port") ? Integer.parseInt(all.get("server.port")) : freePort();
        all.put("server.port", String.valueOf(port));
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN_CLASS);
        all.forEach((name, value) -> command.add("--" + name + "=" + value));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command).directory(projectDir().toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            ConnectorProcess connector = new ConnectorProcess(process, port, log);
            connector.awaitReady(startTimeout);
            return connector;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the connector: " + command.get(0), e);
        }
    }

    /** The folder the connector runs in: the project, so {@code routes/} and {@code mappings/} are found. */
    public static Path projectDir() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    /** The settings that point the connector at an H2 file database under {@code dir}, kept across restarts. */
    public static Map<String, String> fileDatabase(Path dir) {
        return Map.of("spring.datasource.url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("retrobridge")
                + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the connector exited with " + process.exitValue()
                        + " before it was ready; see " + log.toAbsolutePath());
            }
            if (readinessStatus() == 200) {
                return;
            }
            sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the connector was not ready within " + timeout + "; see " + log.toAbsolutePath());
    }

    private int readinessStatus() {
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUrl().resolve("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListeningYet) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGKILL: the process ends at once, mid-request if it was in one. {@link Process#destroyForcibly} sends
     * SIGKILL on Linux; the exit status (128 + 9) is checked so a graceful stop cannot pass for a kill.
     */
    public void kill() {
        process.destroyForcibly();
        int status = waitFor(Duration.ofSeconds(30));
        if (status != KILLED_BY_SIGKILL) {
            throw new IllegalStateException("the connector ended with status " + status + ", not by SIGKILL ("
                    + KILLED_BY_SIGKILL + ")");
        }
    }

    /** SIGTERM: Spring's graceful shutdown runs. */
    public void stop() {
        process.destroy();
        waitFor(Duration.ofSeconds(30));
    }

    private int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

    /** User plus system CPU time the process has used so far; read it before the process ends. */
    public Duration cpuTime() {
        return cpuTime(process.pid());
    }

    /** Peak resident set size (VmHWM) in kilobytes; read it before the process ends. */
    public long peakRssKb() {
        return peakRssKb(process.pid());
    }

    /** CPU time of any live process, from {@code /proc/<pid>/stat} (utime + stime, in clock ticks). */
    public static Duration cpuTime(long pid) {
        Optional<Duration> fromJdk = ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration());
        if (fromJdk.isPresent()) {
            return fromJdk.get();
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
        } catch (IOException e) {
            throw new UncheckedIOException("no CPU figures for process " + pid, e);
        }
    }

    /** CPU time the JIT compiler threads of this process have used so far (part of {@link #cpuTime()}). */
    public Duration compilerCpuTime() {
        return compilerCpuTime(process.pid());
    }

    /** CPU time used so far by the threads of this process whose name passes {@code threadName}. */
    public Duration threadCpuTime(Predicate<String> threadName) {
        return threadCpuTime(process.pid(), threadName);
    }

    /**
     * CPU time of the JVM's JIT compiler threads ({@code C1/C2 CompilerThread}) of any live process: a one-off cost
     * of a fresh JVM, so figures can be given with and without it.
     */
    public static Duration compilerCpuTime(long pid) {
        return threadCpuTime(pid, name -> name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre"));
    }

    /**
     * CPU time of the threads of any live process whose name passes {@code threadName}, summed from
     * {@code /proc/<pid>/task/<tid>/stat} (the kernel keeps the first 15 characters of a Java thread's name).
     * Threads that ended are not counted.
     */
    public static Duration threadCpuTime(long pid, Predicate<String> threadName) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException threadEnded) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (threadName.test(name)) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no thread figures for process " + pid, e);
        }
        return Duration.ofMillis(ticks * 1000 / CLOCK_TICKS_PER_SECOND);
    }

    /** Peak resident set size of any live process in kilobytes, from VmHWM in {@code /proc/<pid>/status}. */
    public static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new IllegalStateException("no VmHWM line for process " + pid);
        } catch (IOException e) {
            throw new UncheckedIOException("no memory figures for process " + pid, e);
        }
    }

    /** Ends the process if a test left it running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(30));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
