package io.retrobridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The run's figures as a table on stdout and as JSON: one file per run under target/bench/, and latest.json. */
final class BenchReport {

    private record Row(String figure, String value, String target, String met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    BenchReport(BenchSettings settings) {
        json.put("startedAt", started.toString());
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
                System.getProperty("java.version"), "loadAverageAtStart", loadAverage()));
        json.put("settings", settings.asMap());
    }

    void add(String section, Map<String, Object> figures) {
        json.put(section, figures);
    }

    void row(String figure, String value) {
        rows.add(new Row(figure, value, "", ""));
    }

    void row(String figure, String value, String target, boolean met) {
        rows.add(new Row(figure, value, target, met ? "yes" : "NO"));
    }

    /** Prints the table and writes the JSON; answers the file written. */
    Path write(BenchSettings settings) throws IOException {
        json.put("loadAverageAtEnd", loadAverage());
        json.put("table", rows.stream().map(r -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("figure", r.figure());
            row.put("value", r.value());
            row.put("target", r.target());
            row.put("met", r.met());
            return row;
        }).toList());
        StringBuilder out = new StringBuilder();
        out.append("\nRetroBridge benchmark, ").append(started).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, load average ")
                .append(json.get("machine") instanceof Map<?, ?> m ? m.get("loadAverageAtStart") : "?")
                .append(" at start, ").append(loadAverage()).append(" at end\n");
        out.append("settings: ").append(settings.asMap()).append("\n\n");
        int w1 = rows.stream().mapToInt(r -> r.figure().length()).max().orElse(10);
        int w2 = rows.stream().mapToInt(r -> r.value().length()).max().orElse(10);
        int w3 = Math.max(6, rows.stream().mapToInt(r -> r.target().length()).max().orElse(6));
        String format = "| %-" + w1 + "s | %-" + w2 + "s | %-" + w3 + "s | %-4s |%n";
        out.append(String.format(format, "figure", "value", "target", "met"));
        out.append(String.format(format, "-".repeat(w1), "-".repeat(w2), "-".repeat(w3), "----"));
        rows.forEach(r -> out.append(String.format(format, r.figure(), r.value(), r.target(), r.met())));
        System.out.println(out);
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String text = mapper.writeValueAsString(json);
        Path file = dir.resolve("run-" + started.toString().replace(":", "") + ".json");
        Files.writeString(file, text);
        Files.writeString(dir.resolve("latest.json"), text);
        Files.writeString(dir.resolve("latest-table.txt"), out.toString());
        return file;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
