package io.retrobridge.insight.pir;

import io.retrobridge.domain.Alert;
import io.retrobridge.domain.AlertTruncation;
import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.domain.MetricSeries;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.pir.PirMetric.Better;
import io.retrobridge.mapping.pir.PirMetric.Degraded;
import io.retrobridge.mapping.pir.PirMetric;
import io.retrobridge.mapping.pir.PirMetricsMapping.Collect;
import io.retrobridge.mapping.pir.PirMetricsMapping.Destinations;
import io.retrobridge.mapping.pir.PirMetricsMapping.JiraDestination;
import io.retrobridge.mapping.pir.PirMetricsMapping.ServiceNames;
import io.retrobridge.mapping.pir.PirMetricsMapping.ServiceNowDestination;
import io.retrobridge.mapping.pir.PirMetricsMapping.Windows;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.sync.AlertStore;
import io.retrobridge.sync.ChangeRecordStore;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.MetricQueries;
import io.retrobridge.sync.MetricsUnavailableException;
import io.retrobridge.sync.PirRecords;
import io.retrobridge.sync.PirStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Small in-memory stand-ins of the ports the PIR collection uses, and a pir-metrics mapping built in code. */
final class PirStandIns {

    static final String ERROR_RATE_QUERY = "sum(rate(http_requests_total{service=\"${service}\",env=\"${environment}\","
            + "code=~\"5..\"}[${window}])) / sum(rate(http_requests_total{service=\"${service}\"}[${window}]))";
    static final String LATENCY_QUERY = "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket"
            + "{service=\"${service}\",env=\"${environment}\"}[${window}])))";

    private PirStandIns() {
    }

    /** Error rate (degraded above 0.05 or 50 % worse) and p95 latency (degraded 20 % worse), both lower is better. */
    static PirMetricsMapping mapping() {
        return new PirMetricsMapping(new Collect(true, Set.of("production")),
                new Windows(Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofMinutes(5)),
                new ServiceNames("production", Map.of("payment-gateway", "payments")),
                List.of(new PirMetric("error-rate", "Error rate", ERROR_RATE_QUERY, "ratio", Better.LOWER,
                                new Degraded(0.05, null, 50.0), List.of("error-spike"), "u_pir_error_rate", null),
                        new PirMetric("latency-p95", "p95 latency", LATENCY_QUERY, "seconds", Better.LOWER,
                                new Degraded(null, null, 20.0), List.of("slow-response"), null, null)),
                Map.of("PaymentsDown", List.of("outage")),
                new Destinations(new ServiceNowDestination(true, true, "u_pir_summary"),
                        new JiraDestination(true, null)));
    }

    /** The shipped mappings with {@code pir} as their pir-metrics.yaml; none when null. */
    static CurrentMappings mappings(PirMetricsMapping pir) {
        LoadedMappings shipped = MappingFiles.load(MappingFiles.SHIPPED_DIR);
        return new CurrentMappings(new LoadedMappings(shipped.dir(), shipped.files(), shipped.actionItemsDefinition(),
                shipped.actionItems(), shipped.escalations(), shipped.changeRecords(), shipped.retrospectives(),
                Optional.ofNullable(pir), shipped.gates()));
    }

    @SafeVarargs
    static <T> ObjectProvider<T> provide(Class<T> type, T... beans) {
        StaticListableBeanFactory factory = new StaticListableBeanFactory();
        for (int i = 0; i < beans.length; i++) {
            factory.addBean(type.getSimpleName() + i, beans[i]);
        }
        return factory.getBeanProvider(type);
    }

    static MetricSeries series(String instance, Object... atAndValue) {
        List<MetricSeries.Sample> samples = new ArrayList<>();
        for (int i = 0; i < atAndValue.length; i += 2) {
            samples.add(new MetricSeries.Sample((Instant) atAndValue[i], ((Number) atAndValue[i + 1]).doubleValue()));
        }
        return new MetricSeries(Map.of("instance", instance), samples);
    }

    /** Answers each query with the series given for it, or fails it as told; remembers what was asked. */
    static final class ScriptedMetrics implements MetricQueries {
        record Asked(String query, Instant start, Instant end, Duration step) {
        }

        final Map<String, List<MetricSeries>> answers = new HashMap<>();
        final Map<String, MetricsUnavailableException> failures = new HashMap<>();
        final List<Asked> asked = new ArrayList<>();

        @Override
        public String systemName() {
            return "Prometheus";
        }

        @Override
        public List<MetricSeries> range(String query, Instant start, Instant end, Duration step) {
            asked.add(new Asked(query, start, end, step));
            MetricsUnavailableException failure = failures.get(query);
            if (failure != null) {
                throw failure;
            }
            return answers.getOrDefault(query, List.of());
        }

        @Override
        public List<MetricSeries> instant(String query, Instant at) {
            throw new UnsupportedOperationException("the PIR asks range queries");
        }

        @Override
        public String graphLink(String query, Instant end, Duration range) {
            return "http://prometheus.test/graph?g0.expr=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                    + "&g0.end_input=" + end + "&g0.range_input=" + range.toMinutes() + "m";
        }
    }

    static final class Alerts implements AlertStore {
        final List<Alert> alerts = new ArrayList<>();
        final List<AlertTruncation> truncations = new ArrayList<>();

        @Override
        public Recorded record(Alert alert) {
            alerts.add(alert);
            return new Recorded(alert, true);
        }

        @Override
        public List<Alert> activeBetween(String service, Instant from, Instant to) {
            return alerts.stream().filter(alert -> service.equals(alert.service()) && alert.startsAt().isBefore(to)
                    && (alert.endsAt() == null || !alert.endsAt().isBefore(from))).toList();
        }

        @Override
        public void recordTruncation(AlertTruncation truncation) {
            truncations.add(truncation);
        }

        @Override
        public List<AlertTruncation> truncationsBetween(String service, Instant from, Instant to) {
            return truncations.stream().filter(cut -> (cut.service() == null || service.equals(cut.service()))
                    && !cut.receivedAt().isBefore(from) && cut.receivedAt().isBefore(to)).toList();
        }
    }

    /** Writes nothing anywhere: answers a new note id per first write, the same one on later writes. */
    static final class RecordingWriter implements PirRecords {
        record Write(ChangeRecord change, PirSummary summary, Optional<String> previousNote) {
        }

        final ExternalSystem system;
        final List<Write> writes = new ArrayList<>();
        RuntimeException failure;

        RecordingWriter(ExternalSystem system) {
            this.system = system;
        }

        @Override
        public ExternalSystem system() {
            return system;
        }

        @Override
        public Optional<String> write(ChangeRecord change, PirSummary summary, PirMetricsMapping mapping,
                                      Optional<String> previousNote) {
            if (failure != null) {
                throw failure;
            }
            writes.add(new Write(change, summary, previousNote));
            return Optional.of(previousNote.orElse(system.name().toLowerCase() + "-note-" + writes.size()));
        }
    }

    static final class Summaries implements PirStore {
        final Map<String, PirSummary> saved = new HashMap<>();
        final Map<String, String> notes = new HashMap<>();

        @Override
        public Optional<PirSummary> find(String key) {
            return Optional.ofNullable(saved.get(key));
        }

        @Override
        public void save(PirSummary summary) {
            saved.put(summary.key(), summary);
        }

        @Override
        public Optional<String> writtenAs(String key, ExternalSystem system) {
            return Optional.ofNullable(notes.get(key + "|" + system.name()));
        }

        @Override
        public void rememberWritten(String key, ExternalSystem system, String noteId) {
            notes.put(key + "|" + system.name(), noteId);
        }
    }

    static final class Changes implements ChangeRecordStore {
        final Map<String, ChangeRecord> changes = new HashMap<>();
        final List<ChangeStateMove> moves = new ArrayList<>();

        @Override
        public Optional<ChangeRecord> save(ChangeRecord change) {
            return Optional.ofNullable(changes.put(change.number(), change));
        }

        @Override
        public Optional<ChangeRecord> findByNumber(String number) {
            return Optional.ofNullable(changes.get(number));
        }

        @Override
        public List<ChangeStateMove> stateMoves(String number) {
            return moves.stream().filter(move -> move.changeNumber().equals(number)).toList();
        }
    }

    static final class Entries implements Journal {
        final List<JournalEntry> entries = new ArrayList<>();

        @Override
        public JournalEntry append(JournalEntry entry) {
            JournalEntry stored = entry.withId(entries.size() + 1);
            entries.add(stored);
            return stored;
        }

        @Override
        public List<JournalEntry> forSubject(ExternalRef subject, int limit) {
            return entries.stream().filter(entry -> entry.subject().equals(subject)).limit(limit).toList();
        }

        @Override
        public List<JournalEntry> forLink(UUID linkId) {
            return entries.stream().filter(entry -> linkId.equals(entry.linkId())).toList();
        }
    }
}
