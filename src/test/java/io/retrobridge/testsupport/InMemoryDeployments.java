package io.retrobridge.testsupport;

import io.retrobridge.domain.Deployment;
import io.retrobridge.sync.DeploymentStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The deployment store in memory, answering as the JDBC one does; it remembers the range reads it was asked. */
public final class InMemoryDeployments implements DeploymentStore {

    /** The runs recorded, in the order they came. */
    public final List<Deployment> runs = new ArrayList<>();
    /** Each range read: "between application environment from to" or "forChange number". */
    public final List<String> asked = new ArrayList<>();

    @Override
    public Recorded record(Deployment report) {
        runs.add(report);
        return new Recorded(report, true);
    }

    @Override
    public Optional<Deployment> find(String source, String runId) {
        return runs.stream().filter(run -> run.source().name().equals(source) && run.runId().equals(runId))
                .findFirst();
    }

    @Override
    public List<Deployment> between(String application, String environment, Instant from, Instant to) {
        asked.add("between " + application + " " + environment + " " + from + " " + to);
        return runs.stream().filter(run -> run.application().equals(application)
                        && run.environment().equals(environment) && !run.lastMoved().isBefore(from)
                        && run.lastMoved().isBefore(to))
                .sorted(Comparator.comparing(Deployment::lastMoved).reversed()).toList();
    }

    @Override
    public List<Deployment> forChange(String changeNumber) {
        asked.add("forChange " + changeNumber);
        return runs.stream().filter(run -> changeNumber.equals(run.changeNumber()))
                .sorted(Comparator.comparing(Deployment::lastMoved)).toList();
    }

    @Override
    public List<Deployment> successfulBefore(String application, String environment, Instant before, int limit) {
        return List.of();
    }
}
