package io.retrobridge.flow.items;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.store.JdbcUnreadableLinks;
import io.retrobridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Counting unreadable linked records: a few are quiet, more than the threshold in the window is a burst. */
class UnreadableRecordsTest {

    static final Instant START = Instant.parse("2026-12-06T09:00:00Z");
    static final String PAY = "Jira project PAY";

    static final UnreadableProperties SETTINGS = new UnreadableProperties(3, Duration.ofMinutes(10), Duration.ofMinutes(5));

    final MutableClock clock = new MutableClock(START);
    final JdbcDataSource database = migratedDatabase();
    final UnreadableRecords unreadable = new UnreadableRecords(SETTINGS,
            new JdbcUnreadableLinks(JdbcClient.create(database)), Optional.of(clock));

    @Test
    void upToTheThresholdIsQuietAndOneMoreIsABurstNamingWhereAndSince() {
        for (int i = 0; i < 3; i++) {
            unreadable.saw(jira("1000" + i), PAY);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(unreadable.bursts()).isEmpty();

        unreadable.saw(jira("10003"), PAY);

        assertThat(unreadable.bursts()).singleElement().satisfies(burst -> {
            assertThat(burst.count()).isEqualTo(4);
            assertThat(burst.since()).isEqualTo(START);
            assertThat(burst.describe()).isEqualTo("4 linked records on Jira unreadable since " + START
                    + ", likely a permission change for the integration account on Jira project PAY;"
                    + " nothing was changed on the other side");
        });
        assertThat(unreadable.counts()).containsEntry(ExternalSystem.JIRA, 4).containsEntry(ExternalSystem.SERVICENOW, 0);
    }

    @Test
    void theSameRecordSeenAgainCountsOnce() {
        for (int i = 0; i < 10; i++) {
            unreadable.saw(jira("10001"), PAY);
        }
        assertThat(unreadable.counts()).containsEntry(ExternalSystem.JIRA, 1);
        assertThat(unreadable.bursts()).isEmpty();
    }

    @Test
    void aBurstAgesOutOfTheWindowAndClearsAsRecordsReadAgain() {
        for (int i = 0; i < 4; i++) {
            unreadable.saw(jira("1000" + i), PAY);
        }
        assertThat(unreadable.readAgain(jira("10000"))).as("was waiting").isTrue();
        assertThat(unreadable.readAgain(jira("10000"))).as("only once").isFalse();
        assertThat(unreadable.bursts()).isEmpty();

        unreadable.saw(jira("10009"), PAY);
        assertThat(unreadable.bursts()).hasSize(1);
        clock.advance(Duration.ofMinutes(11));
        assertThat(unreadable.bursts()).isEmpty();
        assertThat(unreadable.nextToLookAt(10)).as("still looked at again after the window")
                .containsExactly(jira("10001"), jira("10002"), jira("10003"), jira("10009"));
    }

    @Test
    void everyWaitingRecordGetsItsTurnAndIsGivenUpOnAfterAWeek() {
        for (int i = 0; i < 5; i++) {
            unreadable.saw(jira("1000" + i), PAY);
        }
        assertThat(unreadable.nextToLookAt(2)).containsExactly(jira("10000"), jira("10001"));
        assertThat(unreadable.nextToLookAt(2)).containsExactly(jira("10002"), jira("10003"));
        assertThat(unreadable.nextToLookAt(2)).containsExactly(jira("10004"), jira("10000"));

        clock.advance(UnreadableRecords.WAIT_AT_MOST.plusMinutes(1));
        assertThat(unreadable.nextToLookAt(10)).isEmpty();
    }

    @Test
    void theRecordsToReadAgainOutliveTheProcessThatSawThemButTheBurstCountDoesNot() {
        unreadable.saw(jira("10001"), PAY);
        unreadable.saw(jira("10002"), PAY);

        UnreadableRecords restarted = new UnreadableRecords(SETTINGS,
                new JdbcUnreadableLinks(JdbcClient.create(database)), Optional.of(clock));

        assertThat(restarted.counts()).containsEntry(ExternalSystem.JIRA, 0);
        assertThat(restarted.nextToLookAt(10)).containsExactly(jira("10001"), jira("10002"));
        assertThat(restarted.readAgain(jira("10001"))).as("was waiting before the restart").isTrue();
        assertThat(unreadable.readAgain(jira("10001"))).as("caught up once, whichever instance reads it").isFalse();
    }

    @Test
    void aRecordProvenDeletedIsForgotten() {
        unreadable.saw(jira("10001"), PAY);
        unreadable.forget(jira("10001"));
        assertThat(unreadable.counts()).containsEntry(ExternalSystem.JIRA, 0);
        assertThat(unreadable.nextToLookAt(10)).isEmpty();
    }

    private static JdbcDataSource migratedDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:unreadable-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        return h2;
    }

    private static ExternalRef jira(String id) {
        return new ExternalRef(ExternalSystem.JIRA, id);
    }
}
