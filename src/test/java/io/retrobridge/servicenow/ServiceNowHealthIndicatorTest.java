package io.retrobridge.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.transport.ConnectionCheck;
import io.retrobridge.transport.ConnectionStatus;
import io.retrobridge.transport.ConnectionsProperties;
import io.retrobridge.transport.RemoteSystem;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The servicenow health component against the ServiceNow sandbox, with Basic auth and with OAuth. */
@ExtendWith(OutputCaptureExtension.class)
class ServiceNowHealthIndicatorTest {

    static final String USER = "retrobridge.integration";
    static final String PASSWORD = "sn-password-Rt55Wq";
    static final String CLIENT_ID = "retrobridge-client";
    static final String CLIENT_SECRET = "sn-client-secret-Pp09Zx";
    static final String TABLE = "/api/now/table/sys_user";

    MutableClock sandboxClock = new MutableClock(Instant.parse("2026-03-02T09:30:00Z"));
    MutableClock ourClock = new MutableClock(Instant.parse("2026-03-02T09:30:00Z"));
    ServiceNowSandbox sandbox;
    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();

    @BeforeEach
    void start() throws Exception {
        sandbox = new ServiceNowSandbox(0, sandboxClock).start();
        sandbox.addUser(USER, PASSWORD, "itil");
        sandbox.addOAuthClient(CLIENT_ID, CLIENT_SECRET, USER);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    ServiceNowProperties basic(String user, String password) {
        return new ServiceNowProperties(sandbox.baseUrl(), user, password, null, null, "hook",
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    ServiceNowProperties oauth(String user, String password, String clientSecret) {
        return new ServiceNowProperties(sandbox.baseUrl(), user, password, CLIENT_ID, clientSecret, "hook",
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    ConnectionCheck check(ServiceNowProperties properties) {
        RemoteSystem remote = ServiceNowConnectionConfiguration.remoteSystem(properties, camel.sender(), ourClock);
        return ServiceNowConnectionConfiguration.connectionCheck(remote, properties,
                new ConnectionsProperties(Duration.ofSeconds(60), Duration.ofSeconds(15), false), ourClock);
    }

    @Test
    void basicAuthIsUpAsTheConfiguredUserWithAQueryForThatUserOnly() {
        Health health = new ServiceNowHealthIndicator(check(basic(USER, PASSWORD))).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("url", sandbox.baseUrl().toString())
                .containsEntry("authenticatedAs", USER).containsKey("latencyMs");
        RequestLog.Entry probe = sandbox.requests().all().get(0);
        assertThat(probe.path()).isEqualTo(TABLE);
        assertThat(probe.rawQuery()).isEqualTo("sysparm_limit=1&sysparm_fields=sys_id&sysparm_query=user_name%3D" + USER);
        assertThat(probe.status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordSaysWhichSettingsToCheckAndShowsNoSecret(CapturedOutput output) {
        Health health = new ServiceNowHealthIndicator(check(basic(USER, "wrong-" + PASSWORD))).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("reason")).startsWith(
                "credentials refused (401): check retrobridge.servicenow.username and RETROBRIDGE_SERVICENOW_PASSWORD");
        assertThat(health.getDetails().toString()).doesNotContain(PASSWORD);
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }

    @Test
    void aMissingRoleIsReportedAsForbidden() {
        sandbox.faults().failNext(1, 403);

        Health health = new ServiceNowHealthIndicator(check(basic(USER, PASSWORD))).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("reason"))
                .startsWith("access forbidden (403): " + USER + " is signed in but may not read sys_user");
    }

    @Test
    void aUserNameThatWouldChangeTheQueryIsRefusedBeforeSending() {
        for (String name : new String[] {USER + "^ORuser_name=admin", "a=b", "two\nlines"}) {
            ConnectionStatus status = check(basic(name, PASSWORD)).recheck();

            assertThat(status.up()).isFalse();
            assertThat(status.reason()).contains("retrobridge.servicenow.username holds ^, = or a line break");
        }
        assertThat(sandbox.requests().all()).isEmpty();
    }

    @Test
    void oauthTokenIsFetchedOnceAndReused() {
        ConnectionCheck check = check(oauth(USER, PASSWORD, CLIENT_SECRET));

        assertThat(check.recheck().authenticatedAs()).isEqualTo(USER);
        assertThat(check.recheck().up()).isTrue();
        assertThat(check.recheck().up()).isTrue();

        assertThat(sandbox.requests().count("POST", "/oauth_token.do")).isEqualTo(1);
        assertThat(sandbox.requests().count("GET", TABLE)).isEqualTo(3);
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndTheCallRepeated() {
        ConnectionCheck check = check(oauth(USER, PASSWORD, CLIENT_SECRET));
        check.recheck();
        // The instance expires the token while we still hold it (its clock, not ours, moved on).
        sandboxClock.advance(Duration.ofMinutes(31));

        assertThat(check.recheck().up()).isTrue();

        assertThat(sandbox.requests().count("POST", "/oauth_token.do")).isEqualTo(2);
        assertThat(sandbox.requests().all()).extracting(RequestLog.Entry::status)
                .containsExactly(200, 200, 401, 200, 200);
    }

    @Test
    void tokensAreRenewedBeforeTheyExpireWithoutAFailedCall() {
        ConnectionCheck check = check(oauth(USER, PASSWORD, CLIENT_SECRET));
        check.recheck();
        ourClock.advance(Duration.ofMinutes(29).plusSeconds(40));
        sandboxClock.advance(Duration.ofMinutes(29).plusSeconds(40));

        assertThat(check.recheck().up()).isTrue();

        assertThat(sandbox.requests().count("POST", "/oauth_token.do")).isEqualTo(2);
        assertThat(sandbox.requests().all()).extracting(RequestLog.Entry::status).doesNotContain(401);
    }

    @Test
    void aWrongClientSecretNamesTheOAuthSettings(CapturedOutput output) {
        Health health = new ServiceNowHealthIndicator(check(oauth(USER, PASSWORD, "wrong-" + CLIENT_SECRET))).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("reason")).startsWith(
                "credentials refused (401): check retrobridge.servicenow.client-id and RETROBRIDGE_SERVICENOW_CLIENT_SECRET");
        assertThat(health.getDetails().toString()).doesNotContain(CLIENT_SECRET).doesNotContain(PASSWORD);
        assertThat(output.getAll()).doesNotContain(CLIENT_SECRET).doesNotContain(PASSWORD);
    }

    @Test
    void clientCredentialsActAsTheOAuthApplication() {
        ConnectionStatus status = check(oauth(null, null, CLIENT_SECRET)).recheck();

        assertThat(status.up()).isTrue();
        assertThat(status.authenticatedAs()).isEqualTo("OAuth client " + CLIENT_ID);
        assertThat(sandbox.requests().all().get(0).body()).contains("grant_type=client_credentials");
    }
}
