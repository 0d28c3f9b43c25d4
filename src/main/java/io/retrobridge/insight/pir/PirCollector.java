package io.retrobridge.insight.pir;

import io.retrobridge.domain.Alert;
import io.retrobridge.domain.AlertTruncation;
import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentTelemetry;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.PirSummary.MetricRow;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.insight.DeploymentTelemetryReport;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.sync.AlertStore;
import io.retrobridge.sync.ChangeRecordStore;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.MetricQueries;
import io.retrobridge.sync.MetricsUnavailableException;
import io.retrobridge.sync.PirRecords;
import io.retrobridge.sync.PirStore;
import io.retrobridge.sync.RetrospectiveFailureModes;
import io.retrobridge.sync.RetrospectiveStore;
import io.retrobridge.sync.SyncResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Collects a release's PIR figures for a {@code pir:collect} event: every PIR metric before and after the deployment
 * (as {@code pir-metrics.yaml} says), the deployments, alerts and change moves around it on one timeline, the data
 * gaps and the deployment telemetry over the windows. Saves the summary (replacing the release's earlier one), then
 * has every registered {@link PirRecords} write it onto the change, updating what it wrote before.
 *
 * <p>Monitoring that is down, slow or refusing never fails the event: the summary is saved and written marked
 * incomplete with the monitoring's words, and when asking again may help the collection is queued again after
 * {@code retrobridge.pir.retry-every}, until {@code retrobridge.pir.give-up-after} has passed since the first
 * attempt.
 */
@Component
public class PirCollector implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(PirCollector.class);

    private final CurrentMappings mappings;
    private final PirStore store;
    private final PirQueue queue;
    private final PirProperties settings;
    private final ObjectProvider<MetricQueries> metrics;
    private final ObjectProvider<AlertStore> alerts;
    private final ObjectProvider<ChangeRecordStore> changes;
    private final ObjectProvider<DeploymentStore> deployments;
    private final ObjectProvider<RetrospectiveStore> retrospectives;
    private final ObjectProvider<RetrospectiveFailureModes> failureModes;
    private final ObjectProvider<PirRecords> records;
    private final PirWrites writes;
    private final Clock clock;

    public PirCollector(CurrentMappings mappings, PirStore store, PirQueue queue, Optional<PirProperties> settings,
                        ObjectProvider<MetricQueries> metrics, ObjectProvider<AlertStore> alerts,
                        ObjectProvider<ChangeRecordStore> changes, ObjectProvider<DeploymentStore> deployments,
                        ObjectProvider<RetrospectiveStore> retrospectives,
                        ObjectProvider<RetrospectiveFailureModes> failureModes, ObjectProvider<PirRecords> records,
                        Journal journal, ObjectProvider<LinkStore> links, Optional<Clock> clock) {
        this.mappings = mappings;
        this.store = store;
        this.queue = queue;
        this.settings = settings.orElseGet(PirProperties::defaults);
        this.metrics = metrics;
        this.alerts = alerts;
        this.changes = changes;
        this.deployments = deployments;
        this.retrospectives = retrospectives;
        this.failureModes = failureModes;
        this.records = records;
        this.clock = clock.orElse(Clock.systemUTC());
        this.writes = new PirWrites(store, journal, links.getIfAvailable(), this.clock);
    }

    @Override
    public Set<HandledKind> takes() {
        return Set.of(HandledKind.named(PirRequest.KIND).from(PirQueue.SOURCE));
    }

    /** The saved summary must stay saved, and each note remembered, whatever a later write does. */
    @Override
    public Recording recording() {
        return Recording.IN_ITS_OWN_TRANSACTIONS;
    }

    @Override
    public SyncResult handle(InboundEvent event) {
        PirRequest request = PirRequest.fromJson(event.payload());
        if (!settings.enabled()) {
            return SyncResult.skipped("no PIR figures for " + request.key() + ": retrobridge.pir.enabled is false");
        }
        Optional<PirMetricsMapping> loaded = mappings.pirMetrics();
        if (loaded.isEmpty()) {
            return SyncResult.skipped("no PIR figures for " + request.key() + ": there is no "
                    + PirMetricsMapping.FILE_NAME);
        }
        PirMetricsMapping mapping = loaded.get();
        Instant now = clock.instant();
        PirRelease release = PirRelease.of(request, mapping, changes.getIfAvailable(), deployments.getIfAvailable());
        if (release.moment() == null) {
            return SyncResult.skipped("no PIR figures for " + request.key() + ": no finished deployment and no end "
                    + "of its change is known to measure from");
        }
        Instant from = release.moment().minus(mapping.windows().before());
        Instant to = release.moment().plus(mapping.windows().after());
        MetricCollection.Outcome figures = MetricCollection.collect(metrics.getIfAvailable(), mapping,
                release.service(), release.environment(), from, release.moment(), to);
        String incomplete = figures.trouble().map(trouble -> incomplete(trouble, request, now)).orElse(null);
        AlertStore alertStore = alerts.getIfAvailable();
        List<Alert> fired = alertStore == null || release.service() == null ? List.of()
                : alertStore.activeBetween(release.service(), from, to);
        List<AlertTruncation> truncations = alertStore == null || release.service() == null ? List.of()
                : alertStore.truncationsBetween(release.service(), from, to);
        Optional<Retrospective> retrospective = retrospective(release);
        Set<String> named = retrospective.flatMap(found -> Optional.ofNullable(failureModes.getIfAvailable())
                .map(modes -> modes.failureModes(found))).orElse(Set.of());
        List<Deployment> window = windowRuns(release, from, to);
        int collections = store.find(request.key()).map(PirSummary::collections).orElse(0) + 1;
        PirSummary summary = new PirSummary(request.key(), request.changeNumber(), release.application(),
                release.environment(), release.service(), release.version(), release.moment(), from, to,
                figures.rows(), PirTimeline.of(timelineRuns(release, window), fired, moves(release)),
                PirGaps.of(named, retrospective.map(Retrospective::key).orElse(null), mapping.coveredFailureModes(),
                        truncations, figures.rows()),
                telemetry(release, from, to, window), incomplete, now, collections);
        store.save(summary);
        String words = words(summary);
        List<String> written = release.change().map(change -> writes.write(change, summary, mapping,
                records.orderedStream().toList(), words)).orElse(List.of());
        log.info("{} (collection {}){}", words, collections, incomplete == null ? "" : "; incomplete: " + incomplete);
        return SyncResult.applied(words + " (collection " + collections + ")"
                + (incomplete == null ? "" : "; incomplete: " + incomplete) + "; " + whereWritten(release, written));
    }

    /** Why figures are missing; queues the collection again when the monitoring may answer later. */
    private String incomplete(MetricsUnavailableException trouble, PirRequest request, Instant now) {
        if (!trouble.retryLater()) {
            return trouble.getMessage();
        }
        Instant first = request.firstAttempt() == null ? now : request.firstAttempt();
        Instant next = now.plus(settings.retryEvery());
        if (next.isAfter(first.plus(settings.giveUpAfter()))) {
            return trouble.getMessage() + "; gave up after " + PirTimeline.DurationWords.of(settings.giveUpAfter())
                    + " of asking again (first attempt at " + first + ")";
        }
        PirRequest again = request.retried(now);
        queue.queue(again, "retry:" + first + ":" + again.attempt(), next);
        return trouble.getMessage() + "; asked again after " + next;
    }

    private Optional<Retrospective> retrospective(PirRelease release) {
        RetrospectiveStore store = retrospectives.getIfAvailable();
        if (store == null) {
            return Optional.empty();
        }
        PirRequest request = release.request();
        if (request.changeNumber() != null) {
            return store.findByKey(request.key());
        }
        if (release.application() == null) {
            return Optional.empty();
        }
        // A release without a change: its retrospective is the one about the same application, environment and version.
        return store.list(release.application(), null, 0, 100).stream()
                .filter(found -> found.program() == null && found.changeNumber() == null
                        && release.version() != null && release.version().equals(found.version())
                        && release.environment() != null && release.environment().equals(found.environment()))
                .findFirst();
    }

    private List<Deployment> windowRuns(PirRelease release, Instant from, Instant to) {
        DeploymentStore store = deployments.getIfAvailable();
        if (store == null || release.application() == null || release.environment() == null) {
            return List.of();
        }
        return store.between(release.application(), release.environment(), from, to);
    }

    /** The release's own runs and every run of its application to its environment in the windows, each once. */
    private static List<Deployment> timelineRuns(PirRelease release, List<Deployment> window) {
        Map<String, Deployment> runs = new LinkedHashMap<>();
        release.runs().forEach(run -> runs.put(run.source().name() + ":" + run.runId(), run));
        window.forEach(run -> runs.putIfAbsent(run.source().name() + ":" + run.runId(), run));
        return new ArrayList<>(runs.values());
    }

    private List<ChangeStateMove> moves(PirRelease release) {
        ChangeRecordStore store = changes.getIfAvailable();
        return store == null || release.request().changeNumber() == null ? List.of()
                : store.stateMoves(release.request().changeNumber());
    }

    private static DeploymentTelemetry telemetry(PirRelease release, Instant from, Instant to,
                                                 List<Deployment> window) {
        if (release.application() == null || release.environment() == null) {
            return null;
        }
        return DeploymentTelemetryReport.of(release.application(), release.environment(), from, to, window);
    }

    /** "PIR figures for CHG0030001 collected: error-rate 0.0099 -> 0.074 degraded; latency-p95 no data" */
    static String words(PirSummary summary) {
        String release = summary.change().orElse(summary.key());
        String rows = summary.metrics().stream().map(PirCollector::words).collect(Collectors.joining("; "));
        return "PIR figures for " + release + " collected" + (rows.isEmpty() ? " (no PIR metrics)" : ": " + rows);
    }

    private static String words(MetricRow row) {
        String verdict = row.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (row.before() == null && row.after() == null) {
            return row.id() + " " + verdict;
        }
        return row.id() + " " + figure(row.before()) + " -> " + figure(row.after()) + " " + verdict;
    }

    /** Four significant digits, as a reader compares them: 0.0099, 0.074, 1234. */
    static String figure(Double value) {
        if (value == null) {
            return "none";
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String whereWritten(PirRelease release, List<String> written) {
        if (release.request().changeNumber() == null) {
            return "no change record to write to";
        }
        if (release.change().isEmpty()) {
            return "change " + release.request().changeNumber() + " is not among the change records read; nothing "
                    + "written";
        }
        return written.isEmpty() ? "no PIR writer is registered; nothing written"
                : "written to " + String.join(", ", written);
    }
}
