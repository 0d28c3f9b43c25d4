package io.retrobridge.store;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.Link;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.LinkStore;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application as deployed for production: pointed at PostgreSQL, it migrates it and stores through it. */
@SpringBootTest
@ActiveProfiles("test")
class PostgresApplicationStoreTest {

    private static HikariDataSource database;

    @Autowired
    LinkStore links;

    @Autowired
    EventInbox inbox;

    @DynamicPropertySource
    static void pointAtPostgres(DynamicPropertyRegistry registry) throws SQLException {
        database = TestDatabase.POSTGRES.createEmpty();
        registry.add("spring.datasource.url", database::getJdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void closePool() {
        // The application's own pool still holds connections to the database, so it is left for the JVM's end.
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
}
