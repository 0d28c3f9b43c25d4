package io.retrobridge.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What an admin reads in the log: one line per system at start-up, then one line per change only. */
@ExtendWith(OutputCaptureExtension.class)
class ConnectionWatchTest {

    static final String SECRET = "watch-secret-Lk20Pe";

    /** A system whose next answer the test decides; no network involved. */
    final AtomicInteger jiraStatus = new AtomicInteger(200);

    ConnectionCheck jira() {
        OutboundSender scripted = (target, request) -> new OutboundResponse(jiraStatus.get(), Map.of(),
                jiraStatus.get() == 200 ? "{\"displayName\":\"Bot\"}" : "");
        RemoteSystem remote = new RemoteSystem(new HttpTarget("Jira", URI.create("https://acme.atlassian.net"),
                Duration.ofSeconds(1), Duration.ofSeconds(1)), Credentials.basic("bot@acme.example", SECRET), scripted);
        ConnectionCheck.Probe probe = new ConnectionCheck.Probe() {
            @Override
            public OutboundRequest request() {
                return OutboundRequest.get("/rest/api/3/myself");
            }

            @Override
            public java.util.Optional<String> identity(OutboundResponse response) {
                return java.util.Optional.of("Bot");
            }
        };
        return new ConnectionCheck(remote, probe, new DownHints("retrobridge.jira.base-url",
                "credentials refused (401): check retrobridge.jira.email and RETROBRIDGE_JIRA_API_TOKEN",
                "access forbidden (403): missing permission"), Duration.ZERO, Clock.systemUTC());
    }

    @Test
    void startUpSaysWhomWeAreConnectedAsOrWhyNot(CapturedOutput output) {
        jiraStatus.set(200);
        new ConnectionWatch(List.of(jira())).reportNow();
        jiraStatus.set(401);
        new ConnectionWatch(List.of(jira())).reportNow();

        assertThat(output.getAll())
                .containsPattern("Jira https://acme.atlassian.net: connected as Bot \\(\\d+ ms\\)")
                .contains("Jira https://acme.atlassian.net: not connected: credentials refused (401): check "
                        + "retrobridge.jira.email and RETROBRIDGE_JIRA_API_TOKEN")
                .doesNotContain(SECRET);
    }

    @Test
    void onlyChangesAreLogged(CapturedOutput output) {
        ConnectionWatch watch = new ConnectionWatch(List.of(jira()));
        watch.reportNow();

        watch.recheck();
        jiraStatus.set(401);
        watch.recheck();
        watch.recheck();
        jiraStatus.set(403);
        watch.recheck();
        jiraStatus.set(200);
        watch.recheck();
        watch.recheck();

        String log = output.getAll();
        assertThat(log.lines().filter(line -> line.contains(" is DOWN: credentials refused (401)"))).hasSize(1);
        assertThat(log.lines().filter(line -> line.contains(" is still DOWN, now: access forbidden (403)"))).hasSize(1);
        assertThat(log.lines().filter(line -> line.contains("Jira https://acme.atlassian.net is UP again (as Bot, "))).hasSize(1);
        assertThat(log).doesNotContain(SECRET);
    }
}
