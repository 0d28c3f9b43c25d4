package io.retrobridge.insight.pir;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.Deployment;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.sync.ChangeRecordStore;
import io.retrobridge.sync.DeploymentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is known of the release a PIR is about: its change (when recorded), its runs, the run that deployed it (the
 * latest finished run to a collected environment, a forward run before a rollback), and from those the moment the
 * windows are measured from (that run's end, else the change's actual end, else
 * the moment known when it was queued, else the change's last update), the application, environment and service.
 *
 * @param deployed    the run that deployed it; empty when no finished run to a collected environment is recorded
 * @param moment      null when neither a run's end nor the change's end is known
 * @param service     null when neither a run nor the change names an application or configuration item
 */
record PirRelease(PirRequest request, Optional<ChangeRecord> change, List<Deployment> runs,
                  Optional<Deployment> deployed, Instant moment, String application, String environment,
                  String service) {

    /** A release without a change: its runs are those of its application and environment this long before. */
    static final Duration RELEASE_WINDOW = Duration.ofDays(1);

    static PirRelease of(PirRequest request, PirMetricsMapping mapping, ChangeRecordStore changes,
                         DeploymentStore deployments) {
        Optional<ChangeRecord> change = request.changeNumber() == null || changes == null ? Optional.empty()
                : changes.findByNumber(request.changeNumber());
        List<Deployment> runs = runs(request, deployments);
        Set<String> collected = new TreeSet<>(mapping.collect().deploymentEnvironments());
        if (mapping.services().environment() != null) {
            collected.add(mapping.services().environment().toLowerCase(Locale.ROOT));
        }
        Optional<Deployment> deployed = runs.stream()
                .filter(run -> run.result().finished()
                        && collected.contains(run.environment().toLowerCase(Locale.ROOT)))
                .max(Comparator.comparing((Deployment run) -> !run.rollback())
                        .thenComparing(Deployment::finishedAt));
        Instant moment = deployed.map(Deployment::finishedAt)
                .or(() -> change.flatMap(ChangeRecord::endedAt))
                .orElseGet(() -> request.moment() != null ? request.moment()
                        : change.map(ChangeRecord::updatedAt).orElse(null));
        String application = deployed.map(Deployment::application)
                .or(() -> Optional.ofNullable(request.application()))
                .orElseGet(() -> change.map(ChangeRecord::configurationItem).orElse(null));
        String environment = deployed.map(Deployment::environment)
                .or(() -> Optional.ofNullable(request.environment()))
                .orElse(mapping.services().environment());
        String service = application == null ? null : mapping.services().serviceFor(application);
        return new PirRelease(request, change, runs, deployed, moment, application, environment, service);
    }

    private static List<Deployment> runs(PirRequest request, DeploymentStore deployments) {
        if (deployments == null) {
            return List.of();
        }
        if (request.changeNumber() != null) {
            return deployments.forChange(request.changeNumber());
        }
        if (request.application() == null || request.environment() == null || request.moment() == null) {
            return List.of();
        }
        return deployments.between(request.application(), request.environment(),
                        request.moment().minus(RELEASE_WINDOW), request.moment().plusMillis(1)).stream()
                .filter(run -> run.version().equals(request.version())).toList();
    }

    String version() {
        return deployed.map(Deployment::version).orElse(request.version());
    }
}
