package io.retrobridge.store;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static io.retrobridge.domain.ExternalSystem.SERVICENOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.Link;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.LinkStore;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as deployed for production: pointed at PostgreSQL, it migrates it and stores through it. Its
 * context is closed after the class: kept to the JVM's end, its timer routes would wait on a PostgreSQL the shared
 * instance's shutdown hook stops meanwhile, and hold the test JVM's exit.
 */
@SpringBootTest
@DirtiesContext
@ActiveProfiles("test")
class PostgresApplicationStoreTest {

    private static HikariDataSource database;

    @Autowired
    LinkStore links;

    @Autowired
    EventInbox inbox;

    @Autowired
    EscalationStore escalations;

    @Autowired
    FollowUpStore followUps;

    @DynamicPropertySource
    static void pointAtPostgres(DynamicPropertyRegistry registry) throws SQLException {
        database = TestDatabase.POSTGRES.createEmpty();
        registry.add("spring.datasource.url", database::getJdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void closePool() {
        database.close();
    }

    @Test
    void theApplicationMigratesPostgresAndStoresThroughIt() {
        Link link = links.insert(Link.newLink(EntityKind.ACTION_ITEM, "rb-app-1").withExternalId(JIRA, "RB-1"));

        assertThat(links.findByExternal(new ExternalRef(JIRA, "RB-1"))).contains(link);
        assertThat(inbox.accept(InboundEvent.received(JIRA, "jira:issue_created", "RB-1", "jira:RB-1:1",
                Instant.parse("2026-11-26T08:00:00Z"), "{}"))).isTrue();
        assertThat(inbox.pendingCount()).isEqualTo(1);
    }

    @Test
    void theApplicationClaimsEscalationStepsOnceAndKeepsFollowUpFactsInPostgres() {
        Instant at = Instant.parse("2026-11-26T08:00:00Z");
        EscalationRecord claim = new EscalationRecord(UUID.randomUUID(), "rb-app-2", "standard", "cab", "cab", "ticket",
                SERVICENOW, null, null, null, "rb-esc-000000000000000000000001", EscalationState.CLAIMED, 4, at, null,
                null, null);

        assertThat(escalations.claim(claim)).isTrue();
        assertThat(escalations.claim(new EscalationRecord(UUID.randomUUID(), "rb-app-2", "standard", "cab", "cab",
                "ticket", SERVICENOW, null, null, null, null, EscalationState.CLAIMED, 5, at, null, null, null))).isFalse();
        escalations.markRaised(claim.id(), "sys-1", "SCTASK0010001", at, "raised");
        assertThat(escalations.find(claim.id())).hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(EscalationState.RAISED));

        followUps.save(new FollowUpFact("rb-app-2", "PTASK0010002", "t", null, null, null, LocalDate.of(2026, 11, 20),
                "open", null, true, at));
        assertThat(followUps.byDisplayKey("PTASK0010002")).isPresent();
    }
}
