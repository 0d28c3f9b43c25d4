package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.escalation.EscalationMarkers;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.scan.EscalationScan;
import io.retrobridge.flow.EscalationWorld.Item;
import io.retrobridge.sync.Fence;
import io.retrobridge.sync.LeaderTerm;
import io.retrobridge.testsupport.Leaderships;
import io.retrobridge.testsupport.SandboxPair;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several instances: a step still CLAIMED under an older leadership term than the scanning leader's was left by a
 * leader that has been succeeded (killed mid-scan), and is finished at once rather than after
 * {@link EscalationScan#ABANDONED_CLAIM}; a ticket that leader created is found by its marker, never created twice.
 * A claim of the current term, or any claim with one instance, keeps waiting as before. A scan whose instance stops
 * leading stops before its next item, so it does not write beside the new leader's scan.
 */
@SpringBootTest
@ActiveProfiles("test")
class EscalationHandOverTest extends EscalationSetup {

    static final SandboxPair systems = new SandboxPair();
    static final String LADDER = "production-fixes";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        systems.register(registry);
    }

    @AfterAll
    static void stop() {
        systems.close();
    }

    EscalationHandOverTest() {
        super(systems);
    }

    @Test
    void aTicketAFormerLeaderCreatedBeforeItDiedIsAdoptedAtOnceNotCreatedAgain() {
        Item item = world.linkedItem("Hand over: alert on signing key expiry", today.minusDays(1));
        String marker = EscalationMarkers.ticketMarker(item.key(), LADDER, "cab");
        // What leader of term 4 left when it was killed between creating the ticket and recording it.
        store.claim(claimed(item, "remind", null, 4L));
        store.claim(claimed(item, "cab", "cab", 4L));
        String created = SandboxPair.json(systems.servicenowCallAs(SandboxPair.SYNC_USER, SandboxPair.SYNC_PASSWORD,
                "POST", "/api/now/table/sc_task", "{\"short_description\":\"written before the kill\","
                        + "\"correlation_id\":\"" + marker + "\"}")).path("result").path("number").asText();

        scanLeadingUnder(5).scan();

        assertThat(world.serviceNowTickets(item, LADDER, "cab")).as("no second ticket").extracting(t -> t.get("number"))
                .containsExactly(created);
        assertThat(store.forItem(item.key())).filteredOn(r -> r.stepId().equals("cab")).singleElement()
                .satisfies(r -> {
                    assertThat(r.state()).isEqualTo(EscalationState.RAISED);
                    assertThat(r.ticketKey()).isEqualTo(created);
                });
        assertThat(world.workNotes(item.sysId())).as("the claimed reminder, written once").hasSize(1);
        assertThat(world.stepsOf(item)).containsExactlyInAnyOrder("remind RAISED", "cab RAISED");

        scanLeadingUnder(6).scan();
        assertThat(world.serviceNowTickets(item, LADDER, "cab")).as("still one after the next leader's scan").hasSize(1);
        assertThat(world.workNotes(item.sysId())).hasSize(1);
    }

    @Test
    void aStepAFormerLeaderClaimedButNeverWroteIsWrittenOnceAtOnce() {
        Item item = world.linkedItem("Hand over: alert on queue depth", today.minusDays(1));
        store.claim(claimed(item, "remind", null, 2L));
        store.claim(claimed(item, "cab", "cab", 2L));

        scanLeadingUnder(3).scan();
        scanLeadingUnder(3).scan();

        assertThat(world.serviceNowTickets(item, LADDER, "cab")).hasSize(1);
        assertThat(world.workNotes(item.sysId())).hasSize(1);
        assertThat(world.stepsOf(item)).containsExactlyInAnyOrder("remind RAISED", "cab RAISED");
    }

    @Test
    void newStepsAreClaimedUnderTheTermTheScanLeadsUnder() {
        Item item = world.linkedItem("Hand over: alert on disk usage", today.minusDays(1));

        scanLeadingUnder(9).scan();

        assertThat(store.forItem(item.key())).isNotEmpty().allSatisfy(r -> assertThat(r.claimTerm()).isEqualTo(9L));
    }

    @Test
    void aYoungClaimOfTheCurrentTermIsLeftToTheScanStillWritingIt() {
        Item item = world.linkedItem("Hand over: cap the pipeline retry budget", today.minusDays(1));
        store.claim(claimed(item, "cab", "cab", 7L));

        scanLeadingUnder(7).scan();

        assertThat(world.serviceNowTickets(item, LADDER, "cab")).isEmpty();
        assertThat(world.stepsOf(item)).contains("cab CLAIMED");
    }

    @Test
    void withOneInstanceAYoungClaimWaitsTheTenMinutesAsBeforeWhateverItsTerm() {
        Item item = world.linkedItem("Hand over: one instance keeps the pipeline waiting", today.minusDays(1));
        store.claim(claimed(item, "cab", "cab", 1L));
        EscalationScan alone = scan(store, LeaderTerm.NOT_FENCED);

        alone.scan();
        assertThat(world.serviceNowTickets(item, LADDER, "cab")).isEmpty();
        assertThat(store.forItem(item.key())).allSatisfy(r -> assertThat(r.claimTerm()).isIn(1L, null));

        clock.advance(EscalationScan.ABANDONED_CLAIM.plusMinutes(1));
        alone.scan();
        assertThat(world.serviceNowTickets(item, LADDER, "cab")).hasSize(1);
    }

    @Test
    void aScanStopsBeforeItsNextItemOnceAnotherInstanceLeads() {
        Item first = world.linkedItem("Hand over: alert on stuck pipeline one", today.minusDays(1));
        Item second = world.linkedItem("Hand over: alert on stuck pipeline two", today.minusDays(1));
        AtomicLong term = new AtomicLong(5);
        Set<String> claimedItems = ConcurrentHashMap.newKeySet();
        // The election moves on while the first item is written: its first claim is the last thing under term 5.
        EscalationStore electedMeanwhile = (EscalationStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EscalationStore.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("claim") && Boolean.TRUE.equals(result)) {
                        claimedItems.add(((EscalationRecord) args[0]).itemKey());
                        term.set(6);
                    }
                    return result;
                });

        scan(electedMeanwhile, leadingUnder(term::get)).scan();

        assertThat(claimedItems).as("items the scan claimed steps of, once its term was over").hasSize(1);
        assertThat(world.serviceNowTickets(first, LADDER, "cab").size() + world.serviceNowTickets(second, LADDER,
                "cab").size()).as("cab tickets of the two items").isLessThanOrEqualTo(1);

        scanLeadingUnder(6).scan();

        assertThat(world.serviceNowTickets(first, LADDER, "cab")).hasSize(1);
        assertThat(world.serviceNowTickets(second, LADDER, "cab")).hasSize(1);
    }

    /** The scan of the instance leading under {@code term}, as the application assembles it. */
    private EscalationScan scanLeadingUnder(long term) {
        return scan(store, leadingUnder(() -> term));
    }

    /** An instance of several that leads under whatever term {@code term} says now. */
    private static LeaderTerm leadingUnder(LongSupplier term) {
        return Leaderships.following(() -> Optional.of(new Fence("retrobridge", term.getAsLong())));
    }

    private EscalationRecord claimed(Item item, String step, String board, Long term) {
        return claimed(item, LADDER, step, board, "claimed before the kill", term);
    }
}
