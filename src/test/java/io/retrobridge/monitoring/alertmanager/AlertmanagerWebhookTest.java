package io.retrobridge.monitoring.alertmanager;

import static io.retrobridge.monitoring.alertmanager.AlertmanagerDeliveries.SECRET;
import static io.retrobridge.monitoring.alertmanager.AlertmanagerDeliveries.basic;
import static io.retrobridge.monitoring.alertmanager.AlertmanagerDeliveries.bearer;
import static io.retrobridge.monitoring.alertmanager.AlertmanagerDeliveries.changed;
import static io.retrobridge.monitoring.alertmanager.AlertmanagerDeliveries.json;
import static io.retrobridge.monitoring.alertmanager.AlertmanagerDeliveries.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.AlertTruncation;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.sync.AlertStore;
import io.retrobridge.sync.DeploymentStore;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Alertmanager notifications over real HTTP at /webhooks/alertmanager, with the reference payloads and the secret as
 * a bearer token or a basic-authentication password; the inbox is then worked down and the alerts read back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "retrobridge.alertmanager.secret=" + SECRET})
@ActiveProfiles("test")
class AlertmanagerWebhookTest {

    static final String ZULIP_FIRING = "zulip.alert.firing-two-alerts.json";
    static final String ZULIP_RESOLVED = "zulip.single_alert.resolved.json";
    static final String BOT_FIRING = "alertmanager-bot.firing.wire.json";
    static final String BOT_RESOLVED = "alertmanager-bot.resolved.wire.json";
    static final String MSTEAMS = "prometheus-msteams.prom_post_request.json";
    static final String ZULIP_GROUP = "{}/{}:{}";
    static final Instant ZULIP_STARTED = Instant.parse("2020-02-06T00:17:58.432911Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InboxWorker worker;

    @Autowired
    DeploymentStore deployments;

    @Autowired
    AlertStore alertStore;

    AlertmanagerDeliveries deliver;

    @BeforeEach
    void emptyStores() {
        deliver = new AlertmanagerDeliveries(port, jdbc);
        deliver.emptyStores();
    }

    @Test
    void aFiringNotificationIsStoredOnceUnderItsGroupAndRecordsEachAlertAsFiring() {
        HttpResponse<String> first = deliver.post(sample(ZULIP_FIRING));
        HttpResponse<String> again = deliver.post(sample(ZULIP_FIRING));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).path("status").asText()).isEqualTo("duplicate");
        assertThat(deliver.inbox()).singleElement().satisfies(row -> {
            assertThat(row.get("SOURCE_SYSTEM")).isEqualTo("ALERTMANAGER");
            assertThat(row.get("EVENT_KIND")).isEqualTo("alertmanager:notification");
            assertThat(row.get("ENTITY_ID")).isEqualTo(ZULIP_GROUP);
        });

        drain();

        assertThat(deliver.alerts()).extracting(row -> row.get("FINGERPRINT") + " " + row.get("ALERT_NAME") + " "
                        + row.get("SEVERITY") + " " + row.get("SUMMARY") + " " + instant(row.get("STARTS_AT")) + " "
                        + row.get("ENDS_AT") + " " + row.get("SERVICE"))
                .containsExactly(
                        "a1bc48475b20e73d High CPU Temperature critical High CPU core temperature " + ZULIP_STARTED
                                + " null null",
                        "c2ea85182f28cbd9 High CPU Temperature critical High CPU core temperature " + ZULIP_STARTED
                                + " null null");
        assertThat(deliver.alerts()).allSatisfy(row -> assertThat(row.get("GENERATOR_URL")).asString()
                .startsWith("http://cobalt:9090/graph?g0.expr="));
        assertThat(deliver.inbox()).singleElement().satisfies(row -> {
            assertThat(row.get("STATUS")).isEqualTo("APPLIED");
            assertThat(row.get("OUTCOME_REASON")).asString()
                    .contains("2 alerts of group {}/{}:{} (2 firing, 0 resolved)");
        });
    }

    @Test
    void theResolvedNotificationEndsItsAlertAtArrivalWhenItCarriesTheZeroEndAndLeavesTheOtherFiring() {
        deliver.post(sample(ZULIP_FIRING));
        drain();
        Instant before = Instant.now();

        HttpResponse<String> resolved = deliver.post(sample(ZULIP_RESOLVED));
        drain();

        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(202);
        Map<String, Object> ended = deliver.alerts().get(0);
        assertThat(ended.get("FINGERPRINT")).isEqualTo("a1bc48475b20e73d");
        assertThat(instant(ended.get("ENDS_AT"))).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(deliver.alerts().get(1).get("ENDS_AT")).isNull();
    }

    @Test
    void aResolvedNotificationArrivingBeforeTheFiringOneEndsResolvedAndALateFiringNeverReopensIt() {
        deliver.post(sample(ZULIP_RESOLVED));
        drain();
        HttpResponse<String> lateFiring = deliver.post(sample(ZULIP_FIRING));
        drain();

        assertThat(lateFiring.statusCode()).isEqualTo(202);
        assertThat(deliver.alerts()).extracting(row -> row.get("FINGERPRINT") + " " + (row.get("ENDS_AT") != null))
                .containsExactly("a1bc48475b20e73d true", "c2ea85182f28cbd9 false");
    }

    @Test
    void theWireFormWithoutFingerprintsGetsOneDerivedFromTheLabelsAndTheFiringPlaceholderEndIsNotAnEnd() {
        assertThat(deliver.post(sample(BOT_FIRING)).statusCode()).isEqualTo(202);
        drain();
        List<Map<String, Object>> firing = deliver.alerts();
        assertThat(deliver.post(sample(BOT_RESOLVED)).statusCode()).isEqualTo(202);
        drain();

        assertThat(firing).singleElement().satisfies(row -> {
            assertThat(row.get("FINGERPRINT")).asString().matches("[0-9a-f]{16}");
            assertThat(instant(row.get("STARTS_AT"))).isEqualTo(Instant.parse("2018-11-04T21:43:58.283995Z"));
            assertThat(row.get("ENDS_AT")).as("firing: its endsAt is only a placeholder").isNull();
        });
        assertThat(deliver.alerts()).singleElement().satisfies(row -> {
            assertThat(row.get("FINGERPRINT")).isEqualTo(firing.get(0).get("FINGERPRINT"));
            assertThat(instant(row.get("ENDS_AT"))).isEqualTo(Instant.parse("2018-11-04T21:48:13.283995Z"));
            assertThat(row.get("SUMMARY")).isNull();
        });
    }

    @Test
    void anAlertWithoutItsOwnStatusTakesTheNotificationsAndItsJobLabelNamesTheService() {
        HttpResponse<String> response = deliver.post(sample(MSTEAMS));
        drain();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(deliver.alerts()).singleElement().satisfies(row -> {
            assertThat(row.get("SERVICE")).isEqualTo("docker_nodes");
            assertThat(row.get("SUMMARY")).isEqualTo("Server High Memory usage");
            assertThat(row.get("SEVERITY")).isEqualTo("warning");
            assertThat(row.get("ENDS_AT")).isNull();
            assertThat(row.get("GENERATOR_URL")).isNull();
            assertThat(instant(row.get("STARTS_AT"))).isEqualTo(Instant.parse("2018-03-07T11:33:21.873077Z"));
        });
        assertThat(alertStore.activeBetween("docker_nodes", Instant.parse("2018-03-07T11:00:00Z"),
                Instant.parse("2018-03-07T12:00:00Z"))).hasSize(1);
    }

    @Test
    void eachAlertIsLinkedToTheLastSuccessfulProductionDeploymentOfItsServiceBeforeItFired() {
        Instant fired = Instant.parse("2026-12-01T14:20:00Z");
        deployments.record(run("101", "production", fired.minusSeconds(7200), DeploymentResult.SUCCESS));
        deployments.record(run("102", "production", fired.minusSeconds(1800), DeploymentResult.SUCCESS));
        deployments.record(run("103", "production", fired.minusSeconds(600), DeploymentResult.FAILURE));
        deployments.record(run("104", "staging", fired.minusSeconds(300), DeploymentResult.SUCCESS));
        deployments.record(run("105", "production", fired.plusSeconds(60), DeploymentResult.SUCCESS));

        deliver.post(checkoutAlert(fired, "Production", 0));
        deliver.post(checkoutAlert(fired.plusSeconds(5), "staging", 0));
        drain();

        assertThat(deliver.alerts()).extracting(row -> row.get("ENVIRONMENT") + " " + row.get("DEPLOYMENT_RUN"))
                .containsExactlyInAnyOrder("production PIPELINE:102", "staging null");
    }

    @Test
    void aNotificationThatLeftAlertsOutIsRecordedAsIncompleteData() {
        Instant fired = Instant.parse("2026-12-01T14:20:00Z");

        HttpResponse<String> response = deliver.post(checkoutAlert(fired, "production", 3));
        drain();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(deliver.inbox()).singleElement().satisfies(row -> assertThat(row.get("OUTCOME_REASON")).asString()
                .contains("incomplete data: Alertmanager left out 3 alerts of group {}:{service=\"checkout\"}"));
        List<AlertTruncation> truncations = alertStore.truncationsBetween("checkout", fired,
                Instant.now().plusSeconds(60));
        assertThat(truncations).singleElement().satisfies(truncation -> {
            assertThat(truncation.truncated()).isEqualTo(3);
            assertThat(truncation.receiver()).isEqualTo("retrobridge");
            assertThat(truncation.service()).isEqualTo("checkout");
        });
        assertThat(deliver.alerts()).hasSize(1);
    }

    @Test
    void theSecretIsAcceptedAsABearerTokenOrAsABasicAuthenticationPasswordUnderAnyUserName() {
        HttpResponse<String> asBearer = deliver.post(sample(ZULIP_FIRING), bearer(SECRET));
        HttpResponse<String> asBasic = deliver.post(sample(ZULIP_RESOLVED), basic("alertmanager", SECRET));
        HttpResponse<String> lowerCaseScheme = deliver.post(sample(MSTEAMS), "bearer " + SECRET);

        assertThat(asBearer.statusCode()).as(asBearer.body()).isEqualTo(202);
        assertThat(asBasic.statusCode()).as(asBasic.body()).isEqualTo(202);
        assertThat(lowerCaseScheme.statusCode()).as(lowerCaseScheme.body()).isEqualTo(202);
        assertThat(deliver.inbox()).hasSize(3);
    }

    @Test
    void aMissingOrWrongSecretIsRefusedWith401AndNothingIsStored() {
        String body = sample(ZULIP_FIRING);

        HttpResponse<String> none = deliver.post(body, null);
        HttpResponse<String> wrongBearer = deliver.post(body, bearer("not-the-configured-secret"));
        HttpResponse<String> wrongBasic = deliver.post(body, basic("alertmanager", "not-the-configured-secret"));
        HttpResponse<String> secretAsUser = deliver.post(body, basic(SECRET, "wrong"));
        HttpResponse<String> otherScheme = deliver.post(body, "Token " + SECRET);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).path("error").asText()).startsWith("Authorization is missing")
                .contains("retrobridge.alertmanager.secret");
        for (HttpResponse<String> refused : List.of(wrongBearer, wrongBasic, secretAsUser, otherScheme)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            assertThat(json(refused).path("error").asText()).contains("retrobridge.alertmanager.secret")
                    .doesNotContain(SECRET);
        }
        drain();
        assertThat(deliver.inbox()).isEmpty();
        assertThat(deliver.alerts()).isEmpty();
    }

    @Test
    void malformedNotificationsAreRefusedNamingTheFieldAndNothingIsStored() {
        assertRefused("{\"version\": \"4\", \"groupKey\": ", "The body is not valid JSON");
        assertRefused("[]", "The body is JSON but not an object");
        assertRefused(changed(ZULIP_FIRING, root -> root.put("version", "3")), "version '\"3\"' is not read");
        assertRefused(changed(ZULIP_FIRING, root -> root.remove("version")), "version is missing");
        assertRefused(changed(ZULIP_FIRING, root -> root.remove("groupKey")), "groupKey is missing");
        assertRefused(changed(ZULIP_FIRING, root -> root.put("groupKey", 42)), "groupKey is a number, not a string");
        assertRefused(changed(ZULIP_FIRING, root -> root.put("groupKey", "{}:{}\n<script>")),
                "groupKey '{}:{}?<script>'");
        assertRefused(changed(ZULIP_FIRING, root -> root.put("status", "exploded")), "status 'exploded' is neither");
        assertRefused(changed(ZULIP_FIRING, root -> root.put("truncatedAlerts", "many")), "truncatedAlerts");
        assertRefused(changed(ZULIP_FIRING, root -> root.remove("alerts")), "alerts is missing");
        assertRefused(changed(ZULIP_FIRING, root -> root.putArray("alerts")), "alerts is empty");
        assertRefused(changed(ZULIP_FIRING, root -> root.put("alerts", "none")), "alerts is a string, not an array");
        assertRefused(changed(ZULIP_FIRING, root -> secondAlert(root).put("status", "pending")),
                "alerts[1].status 'pending' is neither");
        assertRefused(changed(ZULIP_FIRING, root -> ((ObjectNode) secondAlert(root).get("labels")).remove("alertname")),
                "alerts[1].labels.alertname is missing");
        assertRefused(changed(ZULIP_FIRING, root -> ((ObjectNode) secondAlert(root).get("labels")).put("host", 7)),
                "alerts[1].labels.host is a number, not a string");
        assertRefused(changed(ZULIP_FIRING, root -> ((ObjectNode) secondAlert(root).get("labels"))
                .put("host", "andromeda\u0000")), "alerts[1].labels.host 'andromeda?' is not a label value");
        assertRefused(changed(ZULIP_FIRING, root -> secondAlert(root).remove("startsAt")),
                "alerts[1].startsAt is missing");
        assertRefused(changed(ZULIP_FIRING, root -> secondAlert(root).put("startsAt", "yesterday")),
                "alerts[1].startsAt 'yesterday' is not an RFC 3339 time");
        assertRefused(changed(ZULIP_FIRING, root -> secondAlert(root).put("fingerprint", "a1b2; DROP TABLE alerts")),
                "alerts[1].fingerprint 'a1b2; DROP TABLE alerts' is not a fingerprint");
        assertRefused(changed(ZULIP_FIRING, root -> secondAlert(root).put("generatorURL", "javascript:alert(1)")),
                "alerts[1].generatorURL 'javascript:alert(1)' is not an http or https address");
        assertRefused(changed(ZULIP_RESOLVED, root -> ((ObjectNode) root.get("alerts").get(0))
                .put("endsAt", "2020-02-05T00:00:00Z")),
                "alerts[0].endsAt 2020-02-05T00:00:00Z is before its startsAt");

        drain();
        assertThat(deliver.inbox()).isEmpty();
        assertThat(deliver.alerts()).isEmpty();
    }

    private void assertRefused(String body, String reason) {
        HttpResponse<String> response = deliver.post(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).startsWith(reason);
    }

    private static ObjectNode secondAlert(ObjectNode root) {
        return (ObjectNode) ((ArrayNode) root.get("alerts")).get(1);
    }

    /**
     * A notification built field by field from the format in Alertmanager's documentation
     * (webhook-payload-format.from-docs-configuration.md.txt), since no public sample has truncatedAlerts above 0:
     * one firing alert of service checkout.
     */
    private static String checkoutAlert(Instant startsAt, String environment, int truncated) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("version", "4");
        root.put("groupKey", "{}:{service=\"checkout\"}");
        root.put("truncatedAlerts", truncated);
        root.put("status", "firing");
        root.put("receiver", "retrobridge");
        root.putObject("groupLabels").put("service", "checkout");
        root.putObject("commonLabels").put("alertname", "HighErrorRate").put("service", "checkout");
        root.putObject("commonAnnotations").put("summary", "More than 5% of checkout requests fail");
        root.put("externalURL", "http://alertmanager:9093");
        root.put("notification_reason", "new_alerts");
        ObjectNode alert = root.putArray("alerts").addObject();
        alert.put("status", "firing");
        alert.putObject("labels").put("alertname", "HighErrorRate").put("service", "checkout")
                .put("environment", environment).put("severity", "page");
        alert.putObject("annotations").put("summary", "More than 5% of checkout requests fail");
        alert.put("startsAt", startsAt.toString());
        alert.put("endsAt", "0001-01-01T00:00:00Z");
        alert.put("generatorURL", "http://prometheus:9090/graph?g0.expr=checkout_errors");
        alert.put("fingerprint", environment.equals("staging") ? "5e1f00aa" : "5e1f00bb");
        return root.toString();
    }

    private static Deployment run(String runId, String environment, Instant finishedAt, DeploymentResult result) {
        return new Deployment(ExternalSystem.valueOf("PIPELINE"), runId, "checkout", environment, "1." + runId,
                null, null, null, finishedAt.minusSeconds(300), finishedAt, result, false, null);
    }

    private void drain() {
        while (worker.drain() > 0) {
            // until the inbox runs dry
        }
    }

    private static Instant instant(Object column) {
        if (column instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return column == null ? null : ((Timestamp) column).toInstant();
    }
}
