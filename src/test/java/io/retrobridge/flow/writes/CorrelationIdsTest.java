package io.retrobridge.flow.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.store.JdbcConnectorSecrets;
import io.retrobridge.sync.CorrelationIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Correlation ids are an HMAC of the origin keyed by a secret: the same for the connector after a restart (crash
 * recovery looks records up by them), but not the hash of the record id anyone could compute and plant.
 */
class CorrelationIdsTest {

    private static final ExternalRef ORIGIN = new ExternalRef(ExternalSystem.JIRA, "10001");

    private final HikariDataSource database = database();

    @AfterEach
    void close() {
        database.close();
    }

    private static HikariDataSource database() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:correlation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUsername("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    /** What a start-up does: the key from the settings, else from the store. */
    private static String idAfterStart(HikariDataSource store, String configured) {
        new CorrelationKey(new CorrelationProperties(configured),
                new JdbcConnectorSecrets(JdbcClient.create(store), Optional.empty()));
        return CorrelationIds.forOrigin(ORIGIN);
    }

    /** The id this connector used to stamp: SHA-256 of the origin, computable by anyone. */
    private static String oldPredictableId(ExternalRef origin) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((origin.system() + ":" + origin.id()).getBytes(StandardCharsets.UTF_8));
        return "rb-" + HexFormat.of().formatHex(digest, 0, 6);
    }

    @Test
    void theIdIsAMarkerButNotTheHashOfTheRecordId() throws Exception {
        String id = idAfterStart(database, null);

        assertThat(CorrelationIds.isMarker(id)).isTrue();
        assertThat(id).isNotEqualTo(oldPredictableId(ORIGIN));
        assertThat(CorrelationIds.forOrigin(new ExternalRef(ExternalSystem.SERVICENOW, "10001"))).isNotEqualTo(id);
    }

    @Test
    void aGeneratedSecretIsKeptSoTheIdSurvivesARestart() {
        String beforeRestart = idAfterStart(database, null);
        String afterRestart = idAfterStart(database, null);

        assertThat(afterRestart).isEqualTo(beforeRestart);
        try (HikariDataSource otherInstallation = database()) {
            assertThat(idAfterStart(otherInstallation, null)).as("another installation has its own secret")
                    .isNotEqualTo(beforeRestart);
        }
    }

    @Test
    void aConfiguredSecretWinsAndGivesTheSameIdOnAnyDatabase() {
        String secret = "a-configured-secret-of-40-characters-xyz";
        String here = idAfterStart(database, secret);

        try (HikariDataSource rebuilt = database()) {
            assertThat(idAfterStart(rebuilt, secret)).isEqualTo(here);
        }
        assertThat(idAfterStart(database, null)).as("the stored secret is another").isNotEqualTo(here);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> CorrelationIds.useKey("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
