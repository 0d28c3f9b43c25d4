package io.retrobridge.sync;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static io.retrobridge.domain.ExternalSystem.SERVICENOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ConflictPolicy;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.FieldFlow;
import io.retrobridge.domain.FieldPolicy;
import io.retrobridge.domain.SyncPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random interleavings of edits on both sides with notifications delivered late, twice, out of order or
 * never, followed by one poll of each side (as the pollers do): both sides must agree on every two-way
 * field, a further poll must write nothing (no ping-pong), and a change is never lost to the other side's
 * unrelated change.
 */
class SyncConvergenceTest {

    private static final List<FieldPolicy> POLICIES = List.of(
            new FieldPolicy("title", FieldFlow.BOTH, ConflictPolicy.NEWEST_WINS, null),
            new FieldPolicy("status", FieldFlow.BOTH, ConflictPolicy.OWNER_WINS, SERVICENOW),
            new FieldPolicy("assignee", FieldFlow.BOTH, ConflictPolicy.OWNER_WINS, JIRA),
            new FieldPolicy("labels", FieldFlow.JIRA_TO_SERVICENOW, ConflictPolicy.OWNER_WINS, null));

    sealed interface Step permits Edit, Deliver, Duplicate, Drop {
    }

    record Edit(ExternalSystem side, String field, String value) implements Step {
    }

    record Deliver(int pick) implements Step {
    }

    record Duplicate(int pick) implements Step {
    }

    record Drop(int pick) implements Step {
    }

    @Property(tries = 500)
    void bothSidesConvergeWithoutPingPong(@ForAll("histories") List<Step> history) {
        World world = new World();
        for (Step step : history) {
            world.run(step);
        }
        world.pollBoth();
        world.pollBoth();
        int writesBefore = world.writes;

        world.pollBoth();

        assertThat(world.writes).as("a further poll after convergence writes nothing").isEqualTo(writesBefore);
        assertThat(world.writes).as("at most one write per edit, however the notifications went")
                .isLessThanOrEqualTo(world.edits.size());
        for (FieldPolicy policy : POLICIES) {
            if (policy.flow() == FieldFlow.BOTH) {
                assertThat(world.state.get(JIRA).get(policy.field()))
                        .as("%s after %s", policy.field(), history)
                        .isEqualTo(world.state.get(SERVICENOW).get(policy.field()));
            }
        }
        if (!world.editedOn(SERVICENOW, "labels")) {
            assertThat(world.state.get(SERVICENOW).get("labels")).isEqualTo(world.state.get(JIRA).get("labels"));
        }
    }

    @Property(tries = 200)
    void anEditOnlyOneSideMadeReachesTheOtherSide(@ForAll("histories") List<Step> history) {
        World world = new World();
        for (Step step : history) {
            world.run(step);
        }
        world.run(new Edit(JIRA, "title", "final word from Jira"));
        world.pollBoth();

        assertThat(world.state.get(SERVICENOW).get("title")).isEqualTo("final word from Jira");
    }

    /** Found by the property: Jira goes a -> d -> a while ServiceNow independently reaches d. */
    @net.jqwik.api.Example
    void anEditBackToTheLastKnownValueAfterTheSidesAgreedElsewhereStillReachesTheOtherSide() {
        bothSidesConvergeWithoutPingPong(List.of(new Edit(JIRA, "status", "a"), new Edit(SERVICENOW, "title", "a"),
                new Deliver(0), new Edit(JIRA, "status", "d"), new Edit(SERVICENOW, "status", "d"), new Deliver(0),
                new Edit(JIRA, "status", "a")));
    }

    @net.jqwik.api.Example
    void aThousandAlternatingEditsEachDeliveredCostOneWriteEach() {
        World world = new World();
        for (int i = 0; i < 1000; i++) {
            ExternalSystem side = i % 2 == 0 ? JIRA : SERVICENOW;
            world.run(new Edit(side, i % 3 == 0 ? "title" : "assignee", side + "-" + i));
            while (!world.pending.isEmpty()) {
                world.run(new Deliver(0));
            }
        }

        assertThat(world.writes).isEqualTo(1000);
        assertThat(world.state.get(JIRA)).isEqualTo(world.state.get(SERVICENOW));
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<ExternalSystem> side = Arbitraries.of(ExternalSystem.values());
        Arbitrary<String> field = Arbitraries.of("title", "status", "assignee", "labels");
        Arbitrary<String> value = Arbitraries.of("a", "b", "c", "d");
        Arbitrary<Step> edit = net.jqwik.api.Combinators.combine(side, field, value).as(Edit::new);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 20);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, edit),
                        net.jqwik.api.Tuple.of(4, pick.map(Deliver::new)),
                        net.jqwik.api.Tuple.of(1, pick.map(Duplicate::new)),
                        net.jqwik.api.Tuple.of(1, pick.map(Drop::new)))
                .list().ofMaxSize(40);
    }

    /** Two systems, their pending change notifications, the link's snapshots, and a count of our writes. */
    static final class World {
        final Map<ExternalSystem, Map<String, String>> state = new TreeMap<>();
        final Map<ExternalSystem, Instant> changedAt = new TreeMap<>();
        final Map<ExternalSystem, Map<String, String>> lastKnown = new TreeMap<>();
        final List<ExternalSystem> pending = new ArrayList<>();
        final List<Edit> edits = new ArrayList<>();
        final SyncDecider decider = new SyncDecider(POLICIES);
        Instant clock = Instant.parse("2026-11-20T10:00:00Z");
        int writes;

        World() {
            Map<String, String> initial = Map.of("title", "t", "status", "OPEN", "assignee", "beth", "labels", "retro");
            for (ExternalSystem side : ExternalSystem.values()) {
                state.put(side, new LinkedHashMap<>(initial));
                lastKnown.put(side, new LinkedHashMap<>(initial));
                changedAt.put(side, clock);
            }
        }

        void run(Step step) {
            if (step instanceof Edit e) {
                edits.add(e);
                change(e.side(), Map.of(e.field(), e.value()));
            } else if (step instanceof Deliver d) {
                take(d.pick()).ifPresent(this::observe);
            } else if (step instanceof Duplicate d) {
                take(d.pick()).ifPresent(side -> {
                    observe(side);
                    observe(side);
                });
            } else if (step instanceof Drop d) {
                take(d.pick());
            }
        }

        void pollBoth() {
            observe(JIRA);
            observe(SERVICENOW);
        }

        boolean editedOn(ExternalSystem side, String field) {
            return edits.stream().anyMatch(e -> e.side() == side && e.field().equals(field));
        }

        private Optional<ExternalSystem> take(int pick) {
            return pending.isEmpty() ? Optional.empty() : Optional.of(pending.remove(pick % pending.size()));
        }

        private void change(ExternalSystem side, Map<String, String> fields) {
            clock = clock.plusSeconds(1);
            state.get(side).putAll(fields);
            changedAt.put(side, clock);
            pending.add(side);
        }

        /** A webhook or poll: the current record on one side, read fresh, as the intake does. */
        private void observe(ExternalSystem side) {
            ExternalSystem other = SyncPair.ACTION_ITEMS.counterpart(side);
            Decision decision = decider.decide(new Observation(side, state.get(side), changedAt.get(side)),
                    Optional.of(new KnownPair(lastKnown.get(side), lastKnown.get(other), changedAt.get(other),
                            Optional.of(state.get(other)))));
            if (!decision.writes().isEmpty()) {
                writes++;
                change(other, decision.writes());
            }
            if (!decision.corrections().isEmpty()) {
                writes++;
                change(side, decision.corrections());
            }
            lastKnown.put(side, new LinkedHashMap<>(decision.sourceSnapshot()));
            lastKnown.put(other, new LinkedHashMap<>(decision.targetSnapshot()));
        }
    }
}
