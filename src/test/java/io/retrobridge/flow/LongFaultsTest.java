package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.sandbox.FaultPlan;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import io.retrobridge.testsupport.Bursts;
import io.retrobridge.testsupport.FaultReport;
import io.retrobridge.testsupport.FaultyProxy;
import io.retrobridge.testsupport.SandboxPair;
import io.retrobridge.testsupport.WebhookRelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The long, randomized fault run: round after round an item is created or edited on a random side while one
 * random fault hits the way to the other side (a network fault from WireMock on reads or on the write, a 503 or
 * 429 burst from the simulator, a lost, doubled or overtaken webhook). After every round the item must be on both
 * sides with its newest value, once, and nothing parked; at the end every item is checked again after a poll.
 * One summary line per fault kind. Run it with {@code -Dretrobridge.test.long-faults=true}; rounds with
 * {@code -Dretrobridge.test.long-faults.rounds=N} (default 120), seed with {@code -Dretrobridge.test.long-faults.seed=S}.
 */
@EnabledIfSystemProperty(named = "retrobridge.test.long-faults", matches = "true")
class LongFaultsTest extends FaultSuiteSupport {

    static final int ROUNDS = Integer.getInteger("retrobridge.test.long-faults.rounds", 120);

    /** An item in play: where it lives and the title both sides must end with. */
    private static final class Tracked {
        String key;
        String sysId;
        String expected;
    }

    private final Map<String, long[]> summary = new LinkedHashMap<>();

    @Test
    void randomFaultsOverManyRoundsLoseNothingAndDuplicateNothing() {
        long seed = Long.getLong("retrobridge.test.long-faults.seed", System.nanoTime());
        System.out.println("long fault run: " + ROUNDS + " rounds, seed " + seed);
        Random random = new Random(seed);
        List<Tracked> items = new ArrayList<>();
        long parkedBefore = deadLetters.count();

        for (int round = 1; round <= ROUNDS; round++) {
            boolean fromJira = random.nextBoolean();
            boolean create = items.size() < 3 || random.nextInt(4) == 0;
            Tracked item = create ? new Tracked() : items.get(random.nextInt(items.size()));
            String title = "Long fault run item " + (create ? items.size() + 1 : items.indexOf(item) + 1) + ", round " + round;
            long parked = deadLetters.count();
            Writes writes;
            String fault;
            long injected;
            int pick = random.nextInt(create ? 6 : 7);
            if (pick == 6) {
                fault = "webhook-reordered";
                injected = 1;
                writes = reordered(item, fromJira, title);
            } else {
                Injection injection = inject(pick, random, fromJira, create);
                fault = injection.name();
                act(item, fromJira, create, title);
                writes = injection.needsPoll() ? pollAndSettle() : settle();
                injected = injection.injected().getAsLong();
            }
            clearFaults();
            if (create) {
                item.key = fromJira ? item.key : systems.jiraKeyTitled(title);
                item.sysId = fromJira ? systems.taskTitled(title).get("sys_id") : item.sysId;
                items.add(item);
            }
            item.expected = title;
            long written = fromJira ? writes.servicenow() : writes.jira();
            long duplicates = Math.max(0, written - 1) + duplicatesOf(title) + (fromJira ? writes.jira() : writes.servicenow());
            long lost = lostOn(item);
            long deadLettered = deadLetters.count() - parked;
            tally(fault, injected, lost == 0 && deadLettered == 0 ? 1 : 0, deadLettered, duplicates, lost);
            assertThat(deadLettered).as("round %d (%s), seed %d: parked %s", round, fault, seed, parkedSince(parked)).isZero();
            assertThat(lost).as("round %d (%s), seed %d: lost", round, fault, seed).isZero();
            assertThat(duplicates).as("round %d (%s), seed %d: duplicates (writes %s)", round, fault, seed, writes).isZero();
        }

        pollAndSettle();
        long lost = items.stream().mapToLong(this::lostOn).sum();
        long duplicates = items.stream().mapToLong(i -> duplicatesOf(i.expected)).sum();
        List<DeadLetter> parked = parkedSince(parkedBefore);
        summary.forEach((fault, n) -> FaultReport.line("long-" + fault, n[0], n[1], n[2], n[3], n[4]));
        FaultReport.line("long-final-check-" + items.size() + "-items", 0, items.size() - lost, parked.size(), duplicates, lost);
        assertThat(parked).isEmpty();
        assertNothingDuplicatedOrLost(duplicates, lost);
    }

    private record Injection(String name, java.util.function.LongSupplier injected, boolean needsPoll) {
    }

    /** Sets one random fault on the way from the origin to the other side. */
    private Injection inject(int pick, Random random, boolean fromJira, boolean create) {
        int times = 1 + random.nextInt(3);
        String side = fromJira ? "servicenow" : "jira";
        Predicate<SandboxRequest> connector = fromJira
                ? Bursts.sentAs(SandboxPair.SYNC_USER, SandboxPair.SYNC_PASSWORD)
                : Bursts.sentAs(SandboxPair.SYNC_EMAIL, SandboxPair.SYNC_TOKEN);
        FaultPlan target = fromJira ? systems.servicenow.faults() : systems.jira.faults();
        switch (pick) {
            case 0, 1 -> {
                List<FaultyProxy.Kind> kinds = List.of(FaultyProxy.CONNECTION_RESET, FaultyProxy.EMPTY_RESPONSE,
                        FaultyProxy.MALFORMED_CHUNK, FaultyProxy.GARBAGE_JSON, FaultyProxy.slow(READ_TIMEOUT.plus(Duration.ofMillis(500))));
                FaultyProxy.Kind kind = kinds.get(random.nextInt(kinds.size()));
                boolean onWrite = pick == 1 && !(kind == FaultyProxy.GARBAGE_JSON && !fromJira && !create);
                String method = !onWrite ? "GET" : create ? "POST" : fromJira ? "PATCH" : "PUT";
                String path = fromJira ? "/api/now/table/problem_task.*" : create && onWrite ? "/rest/api/3/issue" : "/rest/api/3/issue/.*";
                FaultyProxy proxy = fromJira ? servicenowProxy : jiraProxy;
                proxy.failNext(times, method, path, kind);
                return new Injection("wiremock-" + kind.name() + "-" + side + (onWrite ? "-writes" : "-reads"), proxy::injected, false);
            }
            case 2 -> {
                Bursts bursts = Bursts.of(times, Integer.MAX_VALUE, connector);
                target.next(Integer.MAX_VALUE, bursts, new FaultPlan.Respond(SandboxResponse.json(503,
                        Map.of("error", Map.of("message", "Service Unavailable")))));
                return new Injection(side + "-503-burst", bursts::hits, false);
            }
            case 3 -> {
                Bursts bursts = Bursts.of(times, Integer.MAX_VALUE, connector);
                Integer retryAfter = random.nextInt(4) == 0 ? 1 : null;
                target.next(Integer.MAX_VALUE, bursts, new FaultPlan.Respond(target.tooManyRequests(retryAfter, null)));
                return new Injection(side + "-429-burst" + (retryAfter == null ? "" : "-retry-after"), bursts::hits, false);
            }
            case 4 -> {
                if (fromJira) {
                    systems.jira.dropNextWebhooks(1);
                } else {
                    systems.servicenow.dropNextWebhooks(1);
                }
                return new Injection("webhook-lost", () -> 1, true);
            }
            default -> {
                if (fromJira) {
                    systems.jira.duplicateNextWebhooks(1);
                } else {
                    systems.servicenow.duplicateNextWebhooks(1);
                }
                return new Injection("webhook-doubled", () -> 1, false);
            }
        }
    }

    /** What a person does at the origin. */
    private void act(Tracked item, boolean fromJira, boolean create, String title) {
        if (create && fromJira) {
            item.key = systems.createJiraItem(title);
        } else if (create) {
            item.sysId = systems.createTask(title);
        } else if (fromJira) {
            systems.editJira(item.key, "{\"summary\":" + SandboxPair.quote(title) + "}");
        } else {
            systems.patchTask(item.sysId, "{\"short_description\":" + SandboxPair.quote(title) + "}");
        }
    }

    /** Two edits at the origin whose notices arrive newest first. */
    private Writes reordered(Tracked item, boolean fromJira, String title) {
        relay.hold();
        act(item, fromJira, false, title + " (draft)");
        systems.awaitWebhooks();
        act(item, fromJira, false, title);
        systems.awaitWebhooks();
        List<WebhookRelay.Delivery> held = new ArrayList<>(relay.release());
        Collections.reverse(held);
        long jira = systems.jiraWrites();
        long servicenow = systems.servicenowWrites();
        for (WebhookRelay.Delivery delivery : held) {
            relay.forward(delivery);
            drainAll();
        }
        settle();
        return new Writes(systems.jiraWrites() - jira, systems.servicenowWrites() - servicenow);
    }

    private long lostOn(Tracked item) {
        String onJira = systems.jiraIssue(item.key).path("fields").path("summary").asText();
        String onServiceNow = systems.task(item.sysId).get("short_description");
        return (item.expected.equals(onJira) ? 0 : 1) + (item.expected.equals(onServiceNow) ? 0 : 1);
    }

    private void clearFaults() {
        jiraProxy.reset();
        servicenowProxy.reset();
        systems.jira.faults().clear();
        systems.servicenow.faults().clear();
    }

    private void tally(String fault, long injected, long recovered, long deadLettered, long duplicates, long lost) {
        long[] n = summary.computeIfAbsent(fault, f -> new long[5]);
        n[0] += injected;
        n[1] += recovered;
        n[2] += deadLettered;
        n[3] += duplicates;
        n[4] += lost;
    }
}
