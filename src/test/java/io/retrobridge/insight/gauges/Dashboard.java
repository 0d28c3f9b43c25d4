package io.retrobridge.insight.gauges;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Grafana dashboard JSON, read for the metric names its PromQL queries name. */
record Dashboard(JsonNode json) {

    // Every metric of ours starts so; no PromQL function, label or label value in the dashboard does.
    private static final Pattern METRIC = Pattern.compile("\\bretrobridge_[a-zA-Z0-9_:]*");

    static Dashboard read(Path file) throws IOException {
        return new Dashboard(new ObjectMapper().readTree(file.toFile()));
    }

    /** Every panel but rows, nested ones included. */
    List<JsonNode> graphPanels() {
        List<JsonNode> panels = new ArrayList<>();
        collect(json.path("panels"), panels);
        return panels;
    }

    Set<String> metricsOf(JsonNode panel) {
        Set<String> metrics = new TreeSet<>();
        panel.path("targets").forEach(target -> metrics.addAll(names(target.path("expr").asText(""))));
        return metrics;
    }

    /** The metrics of every panel and of every query variable. */
    Set<String> metrics() {
        Set<String> metrics = new TreeSet<>();
        graphPanels().forEach(panel -> metrics.addAll(metricsOf(panel)));
        json.path("templating").path("list").forEach(variable -> {
            metrics.addAll(names(variable.path("definition").asText("")));
            metrics.addAll(names(variable.path("query").path("query").asText(variable.path("query").asText(""))));
        });
        return metrics;
    }

    private static void collect(JsonNode panels, List<JsonNode> into) {
        panels.forEach(panel -> {
            if ("row".equals(panel.path("type").asText())) {
                collect(panel.path("panels"), into);
            } else {
                into.add(panel);
            }
        });
    }

    private static Set<String> names(String promQl) {
        Set<String> names = new TreeSet<>();
        Matcher metric = METRIC.matcher(promQl);
        while (metric.find()) {
            names.add(metric.group());
        }
        return names;
    }
}
