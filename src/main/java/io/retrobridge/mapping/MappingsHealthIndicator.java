package io.retrobridge.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code mappings} health component. A refused edit leaves it UP on purpose: the last good mapping
 * is still running and syncing correctly, so taking the instance out of rotation (DOWN or
 * OUT_OF_SERVICE) would stop good work over a typo. The refusal shows as {@code lastRefusal} and a
 * {@code warning} instead, where an admin or a monitor looking at the details sees it.
 */
public class MappingsHealthIndicator implements HealthIndicator {

    private final MappingReloader reloader;

    public MappingsHealthIndicator(MappingReloader reloader) {
        this.reloader = reloader;
    }

    @Override
    public Health health() {
        MappingStatus status = reloader.status();
        LoadedMappings running = status.running();
        Health.Builder health = Health.up()
                .withDetail("dir", running.dir().toAbsolutePath().normalize().toString())
                .withDetail("files", running.files())
                .withDetail("rules", running.ruleCount())
                .withDetail("escalation", running.escalations().<Object>map(policy -> {
                    Map<String, Object> counts = new LinkedHashMap<>();
                    counts.put("ladders", policy.ladders().size());
                    counts.put("boards", policy.boards().size());
                    return counts;
                }).orElse("off"))
                .withDetail("loadedAt", status.loadedAt().toString());
        status.lastRefusal().ifPresent(refusal -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("at", refusal.at().toString());
            details.put("problems", refusal.problems().stream().map(MappingProblem::format).toList());
            health.withDetail("lastRefusal", details);
            health.withDetail("warning", "the last edit of the mapping files was refused (" + refusal.problems().size()
                    + " problem" + (refusal.problems().size() == 1 ? "" : "s") + "); the mapping loaded at "
                    + status.loadedAt() + " keeps running until the files are fixed");
        });
        return health.build();
    }
}
