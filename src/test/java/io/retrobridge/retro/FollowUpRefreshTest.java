package io.retrobridge.retro;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DeletedRecord;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.sync.DeletedRecords;
import io.retrobridge.sync.RetrospectiveFollowUps;
import io.retrobridge.sync.RetrospectiveStore;
import io.retrobridge.sync.RetrospectiveTasks;
import io.retrobridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The scheduled refresh of each retrospective's follow-ups, with stand-ins for the store and ServiceNow. */
@ExtendWith(OutputCaptureExtension.class)
class FollowUpRefreshTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final Retrospectives retrospectives = new Retrospectives();
    private final Tasks tasks = new Tasks();
    private final FollowUps followUps = new FollowUps();
    private final Deletions deletions = new Deletions();

    private FollowUpRefresh refresh() {
        return new FollowUpRefresh(retrospectives, tasks, followUps, deletions, RetrospectivesProperties.defaults(),
                clock);
    }

    @Test
    void eachRetrospectiveGetsTheTasksReadForItAndTheChangedOnesAreCounted(CapturedOutput output) {
        Retrospective unchanged = retrospectives.opened("change:CHG0030001", NOW.minus(Duration.ofDays(3)));
        Retrospective grown = retrospectives.opened("change:CHG0030002", NOW.minus(Duration.ofDays(2)));
        Retrospective fresh = retrospectives.opened("change:CHG0030003", NOW.minus(Duration.ofHours(1)));
        followUps.replace(unchanged.id(), Set.of("task-1"), NOW.minus(Duration.ofMinutes(5)));
        followUps.replace(grown.id(), Set.of("task-2"), NOW.minus(Duration.ofMinutes(5)));
        tasks.under(unchanged, "task-1");
        tasks.under(grown, "task-2", "task-3");
        tasks.under(fresh, "task-4");

        FollowUpRefreshSummary summary = refresh().run();

        assertThat(summary).isEqualTo(new FollowUpRefreshSummary(3, 2, 0));
        assertThat(followUps.of(unchanged.id())).containsExactly("task-1");
        assertThat(followUps.of(grown.id())).containsExactly("task-2", "task-3");
        assertThat(followUps.of(fresh.id())).containsExactly("task-4");
        assertThat(followUps.refreshedAt(unchanged.id())).contains(NOW);
        assertThat(output).contains("Follow-ups refreshed for 3 retrospectives (2 changed), 0 failed");
    }

    @Test
    void aRetrospectiveServiceNowCannotAnswerForKeepsItsEarlierFollowUpsAndTheOthersGoOn(CapturedOutput output) {
        Retrospective down = retrospectives.opened("change:CHG0030001", NOW.minus(Duration.ofDays(2)));
        Retrospective up = retrospectives.opened("change:CHG0030002", NOW.minus(Duration.ofDays(1)));
        Instant earlier = NOW.minus(Duration.ofMinutes(5));
        followUps.replace(down.id(), Set.of("task-1", "task-2"), earlier);
        tasks.failing(down);
        tasks.under(up, "task-3");

        FollowUpRefreshSummary summary = refresh().run();

        assertThat(summary).isEqualTo(new FollowUpRefreshSummary(1, 1, 1));
        assertThat(followUps.of(down.id())).containsExactly("task-1", "task-2");
        assertThat(followUps.refreshedAt(down.id())).contains(earlier);
        assertThat(followUps.of(up.id())).containsExactly("task-3");
        assertThat(output).contains("Follow-ups of retrospective change:CHG0030001 (" + down.id()
                        + ") not refreshed, the earlier ones are kept until the next refresh: ServiceNow answered 503")
                .contains("Follow-ups refreshed for 1 retrospective (1 changed), 1 failed");
    }

    /**
     * A ServiceNow list leaves out what an ACL hides from the integration user without a word: read as "gone", a lost
     * read permission would look to the gate like finished follow-ups and let a held release through.
     */
    @Test
    void aTaskMissingFromTheListIsDroppedOnlyWhenItMovedOrItsDeletionWasSeen(CapturedOutput output) {
        Retrospective retrospective = retrospectives.openedUnder("change:CHG0030001", NOW.minus(Duration.ofDays(1)),
                "prb-1");
        followUps.replace(retrospective.id(), Set.of("hidden", "moved", "deleted", "lagging", "kept"),
                NOW.minus(Duration.ofMinutes(5)));
        tasks.under(retrospective, "kept");
        tasks.parent("moved", "prb-2");
        tasks.parent("lagging", "prb-1");
        deletions.deleted("deleted");

        FollowUpRefreshSummary summary = refresh().run();

        assertThat(summary).isEqualTo(new FollowUpRefreshSummary(1, 1, 0));
        assertThat(followUps.of(retrospective.id())).containsExactly("hidden", "kept", "lagging");
        assertThat(output).contains("Task hidden of retrospective change:CHG0030001 is no longer shown to the "
                + "integration user (deleted, or hidden by an ACL); it stays a follow-up until its deletion is seen");
    }

    @Test
    void onlyRetrospectivesOpenedWithinTheWindowAreRead() {
        Retrospective old = retrospectives.opened("change:CHG0030001", NOW.minus(Duration.ofDays(181)));
        Retrospective recent = retrospectives.opened("change:CHG0030002", NOW.minus(Duration.ofDays(179)));
        tasks.under(old, "task-1");
        tasks.under(recent, "task-2");

        FollowUpRefreshSummary summary = refresh().run();

        assertThat(summary.refreshed()).isEqualTo(1);
        assertThat(followUps.refreshedAt(old.id())).isEmpty();
        assertThat(followUps.of(recent.id())).containsExactly("task-2");
    }

    @Test
    void moreRetrospectivesThanOneBatchAreAllRefreshed() {
        List<Retrospective> opened = new ArrayList<>();
        for (int i = 0; i < FollowUpRefresh.BATCH + 5; i++) {
            Retrospective retrospective = retrospectives.opened("change:CHG" + i, NOW.minusSeconds(i));
            tasks.under(retrospective, "task-" + i);
            opened.add(retrospective);
        }

        FollowUpRefreshSummary summary = refresh().run();

        assertThat(summary.refreshed()).isEqualTo(FollowUpRefresh.BATCH + 5);
        assertThat(opened).allMatch(r -> followUps.refreshedAt(r.id()).isPresent());
    }

    /** Only what the refresh asks: a list of the retrospectives opened since a time, newest first. */
    static final class Retrospectives implements RetrospectiveStore {
        private final List<Retrospective> all = new ArrayList<>();

        Retrospective opened(String key, Instant at) {
            Retrospective retrospective = Retrospective.opened(new RetrospectiveTrigger(key, "failed-production-change",
                    "deep-dive", List.of("root-cause"), List.of("lessons"), "change closed unsuccessful", "checkout",
                    "production", "4.2", null, null, LocalDate.of(2026, 12, 10), at, List.of(key)), "problem", at);
            all.add(retrospective);
            return retrospective;
        }

        /** One whose ServiceNow problem exists, with this sys_id. */
        Retrospective openedUnder(String key, Instant at, String problemSysId) {
            Retrospective opened = opened(key, at);
            all.remove(opened);
            Retrospective under = new Retrospective(opened.id(), opened.key(), opened.ruleId(), opened.tier(),
                    opened.reason(), opened.application(), opened.environment(), opened.version(),
                    opened.changeNumber(), opened.program(), opened.due(), opened.createdAt(),
                    opened.serviceNowTable(), problemSysId, "PRB0040001", null, null, null, null, null);
            all.add(under);
            return under;
        }

        @Override
        public List<Retrospective> list(String application, Instant since, int offset, int limit) {
            return all.stream().filter(r -> since == null || !r.createdAt().isBefore(since))
                    .sorted(Comparator.comparing(Retrospective::createdAt).reversed())
                    .skip(offset).limit(limit).toList();
        }

        @Override
        public long count(String application, Instant since) {
            return list(application, since, 0, Integer.MAX_VALUE).size();
        }

        @Override
        public Retrospective open(RetrospectiveTrigger trigger, String serviceNowTable, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Retrospective> find(UUID id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Retrospective> findByKey(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Retrospective recordServiceNow(UUID id, String sysId, String number, String changeSysId,
                                              String rfcNote) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Retrospective recordJira(UUID id, String issueId, String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Retrospective recordLinked(UUID id, Instant at) {
            throw new UnsupportedOperationException();
        }
    }

    /** ServiceNow's answer per retrospective, or its failure; a task read alone shows its parent, or nothing. */
    static final class Tasks implements RetrospectiveTasks {
        private final Map<UUID, Set<String>> under = new HashMap<>();
        private final Set<UUID> failing = new HashSet<>();
        private final Map<String, String> parents = new HashMap<>();

        void parent(String taskSysId, String parentSysId) {
            parents.put(taskSysId, parentSysId);
        }

        @Override
        public Optional<String> parentOf(String taskSysId) {
            return Optional.ofNullable(parents.get(taskSysId));
        }

        void under(Retrospective retrospective, String... sysIds) {
            under.put(retrospective.id(), Set.of(sysIds));
        }

        void failing(Retrospective retrospective) {
            failing.add(retrospective.id());
        }

        @Override
        public Set<String> taskSysIds(Retrospective retrospective) {
            if (failing.contains(retrospective.id())) {
                throw new IllegalStateException("ServiceNow answered 503");
            }
            return under.getOrDefault(retrospective.id(), Set.of());
        }
    }

    /** The deletions the sync has seen. */
    static final class Deletions implements DeletedRecords {
        private final Set<String> deleted = new HashSet<>();

        void deleted(String sysId) {
            deleted.add(sysId);
        }

        @Override
        public void remember(DeletedRecord record) {
            deleted.add(record.record().id());
        }

        @Override
        public Optional<DeletedRecord> find(ExternalRef record) {
            return deleted.contains(record.id()) && record.system().equals(ExternalSystem.SERVICENOW)
                    ? Optional.of(new DeletedRecord(record, UUID.randomUUID(), record.id(), "servicenow:deleted", NOW))
                    : Optional.empty();
        }
    }

    static final class FollowUps implements RetrospectiveFollowUps {
        private final Map<UUID, Set<String>> tasks = new HashMap<>();
        private final Map<UUID, Instant> refreshed = new HashMap<>();

        @Override
        public boolean replace(UUID retrospectiveId, Set<String> taskSysIds, Instant at) {
            Set<String> before = tasks.put(retrospectiveId, new TreeSet<>(taskSysIds));
            refreshed.put(retrospectiveId, at);
            return !Set.copyOf(taskSysIds).equals(before == null ? Set.of() : before);
        }

        @Override
        public List<String> of(UUID retrospectiveId) {
            return List.copyOf(tasks.getOrDefault(retrospectiveId, new TreeSet<>()));
        }

        @Override
        public Map<UUID, List<String>> ofRetrospectives(Collection<UUID> retrospectiveIds) {
            Map<UUID, List<String>> answer = new LinkedHashMap<>();
            retrospectiveIds.stream().filter(refreshed::containsKey).forEach(id -> answer.put(id, of(id)));
            return answer;
        }

        @Override
        public Optional<Instant> refreshedAt(UUID retrospectiveId) {
            return Optional.ofNullable(refreshed.get(retrospectiveId));
        }
    }
}
