package io.retrobridge.flow.items;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code links} health component: how many linked records answered 404 lately, and a {@code warning} when so
 * many did at once that a permission change is the likely cause. It stays UP on purpose: nothing is cancelled or
 * lost while records are unreadable, and taking the instance out of rotation would stop the items that still sync.
 */
@Component("linksHealthIndicator")
class LinksHealthIndicator implements HealthIndicator {

    private final UnreadableRecords unreadable;
    private final UnreadableProperties settings;

    LinksHealthIndicator(UnreadableRecords unreadable, UnreadableProperties settings) {
        this.unreadable = unreadable;
        this.settings = settings;
    }

    @Override
    public Health health() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        unreadable.counts().forEach((system, count) -> counts.put(system.name().toLowerCase(Locale.ROOT), count));
        Health.Builder health = Health.up()
                .withDetail("unreadable", counts)
                .withDetail("window", settings.window().toString())
                .withDetail("burstThreshold", settings.burstThreshold());
        List<UnreadableRecords.Burst> bursts = unreadable.bursts();
        if (!bursts.isEmpty()) {
            health.withDetail("warning", String.join("; ", bursts.stream().map(UnreadableRecords.Burst::describe).toList()));
        }
        return health.build();
    }
}
