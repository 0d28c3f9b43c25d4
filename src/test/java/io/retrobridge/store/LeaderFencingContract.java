package io.retrobridge.store;

import static io.retrobridge.testsupport.Leaderships.believing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.Watermark;
import io.retrobridge.sync.Fence;
import io.retrobridge.sync.FencedOutException;
import io.retrobridge.sync.LeaderTerm;
import io.retrobridge.sync.LeaderTerms;
import io.retrobridge.sync.SingletonRuns;
import io.retrobridge.sync.WatermarkStore;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What several instances rely on from the store: each election raises the term, a watermark save carries the term
 * its poll ran under and changes nothing once a newer term exists, and a round is recorded only under the latest
 * term. With one instance (nothing fenced) a watermark save behaves as before, forward only.
 */
abstract class LeaderFencingContract extends StoreContractSupport {

    private static final String NAMESPACE = "retrobridge";

    private JdbcClient jdbc() {
        return port(JdbcClient.class);
    }

    private LeaderTerms terms() {
        return port(LeaderTerms.class);
    }

    private JdbcWatermarkStore watermarksUnder(LeaderTerm leadership) {
        return new JdbcWatermarkStore(jdbc(), leadership, clock);
    }

    @BeforeEach
    void noElectionYet() {
        jdbc().sql("DELETE FROM singleton_runs").update();
        jdbc().sql("DELETE FROM leader_terms").update();
    }

    @Test
    void everyElectionRaisesTheTermAndNamesItsHolder() {
        Fence first = terms().grant(NAMESPACE, "node-1", START);
        Fence second = terms().grant(NAMESPACE, "node-2", START.plusSeconds(12));

        assertThat(first.term()).isEqualTo(1);
        assertThat(second.term()).isEqualTo(2);
        assertThat(terms().latest(NAMESPACE)).contains(new LeaderTerms.Holder(NAMESPACE, 2, "node-2", START.plusSeconds(12)));
        assertThat(terms().latest("other")).isEmpty();
    }

    @Test
    void aFormerLeadersWatermarkIsRefusedAndNothingIsSaved() {
        Fence former = terms().grant(NAMESPACE, "node-1", START);
        watermarksUnder(believing(former)).save(new Watermark("jira-action-items", START, Set.of("10001")));
        Fence successor = terms().grant(NAMESPACE, "node-2", START.plusSeconds(12));
        Watermark successorsRound = new Watermark("jira-action-items", START.plusSeconds(20), Set.of("10002"));
        watermarksUnder(believing(successor)).save(successorsRound);

        Watermark lateRound = new Watermark("jira-action-items", START.plusSeconds(30), Set.of("10003"));
        assertThatThrownBy(() -> watermarksUnder(believing(former)).save(lateRound))
                .isInstanceOf(FencedOutException.class).hasMessageContaining("term 1");

        assertThat(port(WatermarkStore.class).find("jira-action-items")).contains(successorsRound);
    }

    @Test
    void aFormerLeaderCannotSaveAPollersFirstWatermarkEither() {
        Fence former = terms().grant(NAMESPACE, "node-1", START);
        terms().grant(NAMESPACE, "node-2", START.plusSeconds(12));

        assertThatThrownBy(() -> watermarksUnder(believing(former))
                .save(new Watermark("servicenow-action-items", START, Set.of())))
                .isInstanceOf(FencedOutException.class);

        assertThat(port(WatermarkStore.class).find("servicenow-action-items")).isEmpty();
    }

    @Test
    void anInstanceThatDoesNotLeadSavesNoWatermark() {
        LeaderTerm notLeading = new LeaderTerm() {
            @Override
            public boolean fenced() {
                return true;
            }

            @Override
            public Optional<Fence> current() {
                return Optional.empty();
            }
        };

        assertThatThrownBy(() -> watermarksUnder(notLeading).save(new Watermark("jira-action-items", START, Set.of())))
                .isInstanceOf(FencedOutException.class);
        assertThat(port(WatermarkStore.class).find("jira-action-items")).isEmpty();
    }

    @Test
    void aWatermarkOnlyMovesForwardWithOrWithoutFencing() {
        Fence leader = terms().grant(NAMESPACE, "node-1", START);
        Watermark later = new Watermark("jira-action-items", START.minusSeconds(10), Set.of("10002"));
        Watermark earlier = new Watermark("jira-action-items", START.minusSeconds(60), Set.of("10001"));

        watermarksUnder(believing(leader)).save(later);
        watermarksUnder(believing(leader)).save(earlier);
        assertThat(port(WatermarkStore.class).find("jira-action-items")).contains(later);

        watermarksUnder(LeaderTerm.NOT_FENCED).save(earlier);
        assertThat(port(WatermarkStore.class).find("jira-action-items")).contains(later);
    }

    @Test
    void aWatermarkStoredInTheFutureMayBeMovedBackToNow() {
        Watermark future = new Watermark("jira-action-items", START.plusSeconds(86_400 * 30), Set.of());
        Watermark clamped = new Watermark("jira-action-items", START.minusSeconds(5), Set.of("10001"));
        watermarksUnder(LeaderTerm.NOT_FENCED).save(future);

        watermarksUnder(LeaderTerm.NOT_FENCED).save(clamped);

        assertThat(port(WatermarkStore.class).find("jira-action-items")).contains(clamped);
    }

    @Test
    void aRoundIsRecordedUnderTheLatestTermOnly() {
        Fence former = terms().grant(NAMESPACE, "node-1", START);
        long run = port(SingletonRuns.class).begin("jira-poll", "node-1", former, START).orElseThrow();
        port(SingletonRuns.class).finish(run, SingletonRuns.Outcome.FENCED, START.plusSeconds(1));
        Fence current = terms().grant(NAMESPACE, "node-2", START.plusSeconds(12));

        assertThat(port(SingletonRuns.class).begin("jira-poll", "node-1", former, START.plusSeconds(13))).isEmpty();
        assertThat(port(SingletonRuns.class).begin("jira-poll", "node-2", current, START.plusSeconds(13))).isPresent();
        assertThat(jdbc().sql("SELECT instance_id, term, outcome FROM singleton_runs ORDER BY id").query().listOfRows())
                .extracting(row -> row.get("instance_id") + "/" + row.get("term") + "/" + row.get("outcome"))
                .containsExactly("node-1/1/fenced", "node-2/2/null");
    }

    @Test
    void theLockRenewalTimeIsReadInUtc() {
        assertThat(terms().lockRenewedAt(NAMESPACE)).isEmpty();
        jdbc().sql("INSERT INTO INT_LOCK (LOCK_KEY, REGION, CLIENT_ID, CREATED_DATE) VALUES (:key, :ns, :client, :at)")
                .params(Map.of("key", "0f8fad5b-d9cb-469f-a165-70867728950e", "ns", NAMESPACE,
                        "client", "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                        "at", LocalDateTime.ofInstant(START, ZoneOffset.UTC)))
                .update();

        assertThat(terms().lockRenewedAt(NAMESPACE)).contains(START);
        jdbc().sql("DELETE FROM INT_LOCK").update();
    }
}
