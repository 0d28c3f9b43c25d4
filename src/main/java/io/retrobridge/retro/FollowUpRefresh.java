package io.retrobridge.retro;

import io.retrobridge.domain.Retrospective;
import io.retrobridge.sync.RetrospectiveFollowUps;
import io.retrobridge.sync.RetrospectiveStore;
import io.retrobridge.sync.RetrospectiveTasks;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What routes/retrospective-follow-ups.yaml calls on its timer: reads the action items under each retrospective
 * opened within the window and stores them as its follow-ups, so the questions asked about them are answered
 * locally. A retrospective that cannot be read keeps its earlier projection; the others are refreshed all the same.
 */
@Component("followUpRefresh")
public class FollowUpRefresh {

    private static final Logger log = LoggerFactory.getLogger(FollowUpRefresh.class);
    /** Retrospectives read from the store at a time. */
    static final int BATCH = 200;

    private final RetrospectiveStore retrospectives;
    private final RetrospectiveTasks tasks;
    private final RetrospectiveFollowUps followUps;
    private final RetrospectivesProperties settings;
    private final Clock clock;

    @Autowired
    public FollowUpRefresh(RetrospectiveStore retrospectives, RetrospectiveTasks tasks,
                           RetrospectiveFollowUps followUps, RetrospectivesProperties settings,
                           Optional<Clock> clock) {
        this(retrospectives, tasks, followUps, settings, clock.orElse(Clock.systemUTC()));
    }

    FollowUpRefresh(RetrospectiveStore retrospectives, RetrospectiveTasks tasks, RetrospectiveFollowUps followUps,
                    RetrospectivesProperties settings, Clock clock) {
        this.retrospectives = retrospectives;
        this.tasks = tasks;
        this.followUps = followUps;
        this.settings = settings;
        this.clock = clock;
    }

    /** One refresh of every retrospective opened within {@code retrobridge.retrospectives.follow-up-window}. */
    public FollowUpRefreshSummary run() {
        Instant since = clock.instant().minus(settings.followUpWindow());
        Set<UUID> seen = new HashSet<>();
        int refreshed = 0;
        int changed = 0;
        int failed = 0;
        for (int offset = 0; ; offset += BATCH) {
            List<Retrospective> batch = retrospectives.list(null, since, offset, BATCH);
            for (Retrospective retrospective : batch) {
                // One opened meanwhile shifts the pages by one: what is read twice is refreshed once.
                if (!seen.add(retrospective.id())) {
                    continue;
                }
                try {
                    if (refresh(retrospective)) {
                        changed++;
                    }
                    refreshed++;
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("Follow-ups of retrospective {} ({}) not refreshed, the earlier ones are kept until the "
                            + "next refresh: {}", retrospective.key(), retrospective.id(), e.getMessage());
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        FollowUpRefreshSummary summary = new FollowUpRefreshSummary(refreshed, changed, failed);
        log.info(summary.line());
        return summary;
    }

    private boolean refresh(Retrospective retrospective) {
        Set<String> read = tasks.taskSysIds(retrospective);
        return followUps.replace(retrospective.id(), read, clock.instant());
    }
}
