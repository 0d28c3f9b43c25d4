package io.retrobridge.web.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The {@code kind} tag comes from the delivery, so a sender that makes up event names must not make up time
 * series: past a small number of kinds, and for any kind of an unknown shape, the count goes to {@code other}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EventKindTagBoundTest {

    /** The 40 kinds the meters keep, plus {@code other} and {@code unknown} (unreadable deliveries); far below the deliveries sent. */
    static final int MOST_KINDS = 42;
    static final int DELIVERIES = 120;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void madeUpEventNamesEndUpAsOtherInsteadOfNewTimeSeries() {
        Deliveries deliver = new Deliveries(port);
        for (int i = 0; i < DELIVERIES; i++) {
            String event = "jira:made_up_" + letters(i);
            assertThat(deliver.jira("{\"webhookEvent\":\"" + event + "\",\"timestamp\":1}").statusCode())
                    .isBetween(200, 299);
        }
        for (int i = 0; i < 20; i++) {
            deliver.serviceNow("{\"table\":\"x_" + letters(i) + "\",\"operation\":\"truncate-" + i + "\"}");
        }

        Set<String> kinds = meters.find("retrobridge.events.received").counters().stream()
                .map(counter -> counter.getId().getTag("kind")).collect(Collectors.toSet());
        assertThat(kinds).hasSizeLessThanOrEqualTo(MOST_KINDS).contains("other");
        assertThat(kinds).noneMatch(kind -> kind.contains("truncate"));
        double other = meters.find("retrobridge.events.received").tag("kind", "other").counters().stream()
                .mapToDouble(Counter::count).sum();
        assertThat(other).isGreaterThanOrEqualTo(DELIVERIES - 40);
    }

    private static String letters(int n) {
        return "" + (char) ('a' + n / 26 % 26) + (char) ('a' + n % 26);
    }
}
