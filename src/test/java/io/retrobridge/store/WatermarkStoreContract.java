package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.Watermark;
import io.retrobridge.sync.WatermarkStore;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the pollers rely on from any {@link WatermarkStore}. */
abstract class WatermarkStoreContract extends StoreContractSupport {

    private WatermarkStore watermarks() {
        return port(WatermarkStore.class);
    }

    @Test
    void aPollerThatNeverRanHasNoWatermark() {
        assertThat(watermarks().find("jira-issues")).isEmpty();
    }

    @Test
    void theLastSavedWatermarkOfEachPollerIsFound() {
        Watermark first = new Watermark("jira-issues", START, Set.of("RB-1"));
        Watermark later = new Watermark("jira-issues", START.plusSeconds(60), Set.of("RB-7", "RB-9"));
        Watermark other = new Watermark("servicenow-tasks", START.plusSeconds(5), Set.of());

        watermarks().save(first);
        watermarks().save(other);
        watermarks().save(later);

        assertThat(watermarks().find("jira-issues")).contains(later);
        assertThat(watermarks().find("servicenow-tasks")).contains(other);
    }

    @Test
    void instantsAreKeptToTheMicrosecondRoundedDownSoNoUpdateIsSkipped() {
        Instant withNanos = Instant.parse("2026-11-26T08:00:00.123456999Z");

        watermarks().save(new Watermark("jira-issues", withNanos, Set.of()));

        assertThat(watermarks().find("jira-issues").orElseThrow().at())
                .isEqualTo(Instant.parse("2026-11-26T08:00:00.123456Z"))
                .isBeforeOrEqualTo(withNanos);
    }

    @Test
    void concurrentFirstSavesOfOnePollerLeaveOneWatermark() throws InterruptedException {
        var outcomes = raceOn(4, () -> {
            watermarks().save(new Watermark("jira-issues", START, Set.of(Thread.currentThread().getName())));
            return true;
        });

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(watermarks().find("jira-issues").orElseThrow().idsAtWatermark()).hasSize(1);
    }
}
