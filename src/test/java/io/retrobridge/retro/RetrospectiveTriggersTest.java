package io.retrobridge.retro;

import static io.retrobridge.retro.ReleaseFacts.ENDED;
import static io.retrobridge.retro.ReleaseFacts.change;
import static io.retrobridge.retro.ReleaseFacts.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.MajorIncidents;
import io.retrobridge.sync.ReleaseFailures;
import io.retrobridge.testsupport.InMemoryInbox;
import io.retrobridge.testsupport.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * What the triggers queue for each recorded fact: one retro:open event per trigger key, however often the fact comes,
 * and one program-level retrospective when a program's threshold is crossed.
 */
class RetrospectiveTriggersTest {

    private final InMemoryInbox inbox = new InMemoryInbox();
    private final InMemoryReleaseFailures failures = new InMemoryReleaseFailures();
    private final CountingMajorIncidents majorIncidents = new CountingMajorIncidents();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));

    private RetrospectiveTriggers triggers(Path mappings) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("majorIncidents", majorIncidents);
        return new RetrospectiveTriggers(new CurrentMappings(MappingFiles.load(mappings)), inbox, failures,
                beans.getBeanProvider(MajorIncidents.class), beans.getBeanProvider(DeploymentStore.class),
                Optional.of(clock));
    }

    private RetrospectiveTriggers shipped() {
        return triggers(MappingFiles.SHIPPED_DIR);
    }

    private List<RetrospectiveTrigger> queued() {
        return inbox.accepted().stream().map(event -> TriggerJson.read(event.payload())).toList();
    }

    @Test
    void aTriggerIsQueuedAsARetroOpenEventKeyedByItsRelease() {
        shipped().deploymentRecorded(deployment("checkout", "production", "2.7.1", DeploymentResult.FAILURE, false,
                null));

        assertThat(inbox.accepted()).hasSize(1);
        InboundEvent event = inbox.accepted().get(0);
        assertThat(event.source().name()).isEqualTo("RETROBRIDGE");
        assertThat(event.kind()).isEqualTo("retro:open");
        assertThat(event.entityId()).isEqualTo("release:checkout:production:2.7.1");
        assertThat(event.dedupKey()).isEqualTo("retro:open:release:checkout:production:2.7.1");
        assertThat(event.receivedAt()).isEqualTo(clock.instant());
        RetrospectiveTrigger trigger = TriggerJson.read(event.payload());
        assertThat(trigger.ruleId()).isEqualTo("failed-production-deployment");
        assertThat(trigger.due()).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(event.payload()).isEqualTo(TriggerJson.write(trigger));
    }

    @Test
    void repeatedFactsQueueOnce() {
        RetrospectiveTriggers triggers = shipped();
        Deployment failed = deployment("payment-gateway", "production", "4.2.0", DeploymentResult.FAILURE, false,
                "CHG0030001");
        triggers.deploymentRecorded(failed);
        triggers.deploymentRecorded(failed);
        triggers.changeRecorded(change("CHG0030001", "normal", ChangeState.CLOSED, "unsuccessful", "payment-gateway"),
                Optional.empty());
        clock.advance(Duration.ofMinutes(5));
        triggers.changeRecorded(change("CHG0030001", "normal", ChangeState.CLOSED, "unsuccessful", "payment-gateway"),
                Optional.of(change("CHG0030001", "normal", ChangeState.REVIEW, null, "payment-gateway")));

        assertThat(inbox.offered()).isEqualTo(4);
        assertThat(inbox.accepted()).extracting(InboundEvent::dedupKey)
                .containsExactly("retro:open:change:CHG0030001");
        assertThat(failures.rows).hasSize(1);
    }

    @Test
    void nonTriggersQueueNothingAndCountNothing() {
        RetrospectiveTriggers triggers = shipped();
        triggers.deploymentRecorded(deployment("checkout", "staging", "2.8.0", DeploymentResult.FAILURE, false, null));
        triggers.changeRecorded(change("CHG0030002", "standard", ChangeState.CLOSED, "successful", "checkout"),
                Optional.empty());
        triggers.changeRecorded(change("CHG0030003", "normal", ChangeState.IMPLEMENT, null, "checkout"),
                Optional.empty());

        assertThat(inbox.offered()).isZero();
        assertThat(failures.rows).isEmpty();
    }

    @Test
    void theThirdFailedReleaseOfAProgramOpensOneProgramRetrospectiveAndTheFourthNoOther() {
        RetrospectiveTriggers triggers = shipped();
        triggers.deploymentRecorded(deployment("run-1", "checkout", "production", "2.7.1", DeploymentResult.FAILURE,
                false, null, ENDED));
        triggers.changeRecorded(change("CHG0030010", "normal", ChangeState.CLOSED, "unsuccessful", "ledger",
                ENDED.plus(Duration.ofDays(4))), Optional.empty());
        // An emergency change that went well opens its own retrospective but is no failed release.
        triggers.changeRecorded(change("CHG0030011", "emergency", ChangeState.CLOSED, "successful", "ledger",
                ENDED.plus(Duration.ofDays(5))), Optional.empty());
        assertThat(queued()).noneMatch(RetrospectiveTrigger::programLevel);

        Deployment third = deployment("run-3", "payment-gateway", "production", "4.2.0", DeploymentResult.SUCCESS,
                true, null, ENDED.plus(Duration.ofDays(9)));
        triggers.deploymentRecorded(third);

        List<RetrospectiveTrigger> program = queued().stream().filter(RetrospectiveTrigger::programLevel).toList();
        assertThat(program).hasSize(1);
        assertThat(program.get(0).key()).isEqualTo("program:payments:release:checkout:production:2.7.1");
        assertThat(program.get(0).releases()).containsExactly("release:checkout:production:2.7.1",
                "change:CHG0030010", "release:payment-gateway:production:4.2.0");
        assertThat(program.get(0).tier()).isEqualTo("deep-dive");
        assertThat(program.get(0).program()).isEqualTo("payments");
        // Ten business days after Sunday 2026-12-13.
        assertThat(program.get(0).due()).isEqualTo(LocalDate.of(2026, 12, 25));

        triggers.deploymentRecorded(third);
        triggers.deploymentRecorded(deployment("run-4", "ledger", "production", "8.0", DeploymentResult.ABORTED,
                false, null, ENDED.plus(Duration.ofDays(10))));

        assertThat(queued()).filteredOn(RetrospectiveTrigger::programLevel).hasSize(1);
        assertThat(queued()).extracting(RetrospectiveTrigger::key).containsExactly(
                "release:checkout:production:2.7.1", "change:CHG0030010", "change:CHG0030011",
                "release:payment-gateway:production:4.2.0", "program:payments:release:checkout:production:2.7.1",
                "release:ledger:production:8.0");
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        RetrospectiveTriggers triggers = shipped();
        triggers.deploymentRecorded(deployment("run-1", "checkout", "production", "1", DeploymentResult.FAILURE, false,
                null, ENDED));
        triggers.deploymentRecorded(deployment("run-2", "checkout", "production", "2", DeploymentResult.FAILURE, false,
                null, ENDED.plus(Duration.ofDays(20))));
        triggers.deploymentRecorded(deployment("run-3", "checkout", "production", "3", DeploymentResult.FAILURE, false,
                null, ENDED.plus(Duration.ofDays(31))));

        assertThat(queued()).noneMatch(RetrospectiveTrigger::programLevel);
        assertThat(failures.rows).hasSize(3);
    }

    @Test
    void aProgramRetrospectiveLostBeforeItWasQueuedIsQueuedWhenAFactComesAgain() {
        RetrospectiveTriggers triggers = shipped();
        for (int i = 1; i <= 3; i++) {
            Deployment failed = deployment("run-" + i, "checkout", "production", "2." + i, DeploymentResult.FAILURE,
                    false, null, ENDED.plus(Duration.ofHours(i)));
            if (i == 3) {
                inbox.refuseNext("retro:open:program:");
                try {
                    triggers.deploymentRecorded(failed);
                } catch (IllegalStateException databaseDown) {
                    // The recording handler's event is retried: the same fact comes again.
                }
                triggers.deploymentRecorded(failed);
            } else {
                triggers.deploymentRecorded(failed);
            }
        }
        assertThat(inbox.refusing()).as("the program retrospective was refused once").isNull();
        assertThat(queued()).filteredOn(RetrospectiveTrigger::programLevel).hasSize(1);
        assertThat(failures.rows.values()).allMatch(f -> f.coveredBy() != null);
    }

    @Test
    void withoutTheFileNothingHappens(@TempDir Path dir) throws Exception {
        Files.copy(MappingFiles.SHIPPED_DIR.resolve("action-items.yaml"), dir.resolve("action-items.yaml"));
        RetrospectiveTriggers triggers = triggers(dir);

        triggers.deploymentRecorded(deployment("checkout", "production", "2.7.1", DeploymentResult.FAILURE, false,
                null));
        triggers.changeRecorded(change("CHG0030020", "normal", ChangeState.CLOSED, "unsuccessful", "checkout"),
                Optional.empty());

        assertThat(inbox.offered()).isZero();
        assertThat(failures.rows).isEmpty();
        assertThat(majorIncidents.askedAbout).isEmpty();
    }

    /** release_failures in memory. */
    static final class InMemoryReleaseFailures implements ReleaseFailures {
        final Map<String, FailedRelease> rows = new LinkedHashMap<>();

        @Override
        public boolean record(FailedRelease failure) {
            return rows.putIfAbsent(failure.releaseKey(), failure) == null;
        }

        @Override
        public List<FailedRelease> uncovered(String program, Instant from, Instant to) {
            return rows.values().stream().filter(f -> f.program().equals(program) && f.coveredBy() == null
                            && !f.failedAt().isBefore(from) && !f.failedAt().isAfter(to))
                    .sorted(Comparator.comparing(FailedRelease::failedAt)).toList();
        }

        @Override
        public void cover(Collection<String> releaseKeys, String programKey) {
            for (String key : new ArrayList<>(releaseKeys)) {
                rows.computeIfPresent(key, (k, f) -> f.coveredBy() != null ? f
                        : new FailedRelease(f.releaseKey(), f.program(), f.application(), f.failedAt(), programKey));
            }
        }
    }
}
