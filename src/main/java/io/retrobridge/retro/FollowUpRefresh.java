package io.retrobridge.retro;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.sync.DeletedRecords;
import io.retrobridge.sync.RetrospectiveFollowUps;
import io.retrobridge.sync.RetrospectiveStore;
import io.retrobridge.sync.RetrospectiveTasks;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What routes/retrospective-follow-ups.yaml calls on its timer: reads the action items under each retrospective
 * opened within the window and stores them as its follow-ups, so the questions asked about them are answered
 * locally. A retrospective that cannot be read keeps its earlier projection; the others are refreshed all the same.
 * <p>
 * A follow-up is dropped only when it is known to have left: moved under another record, or proven deleted. A
 * ServiceNow list leaves out, without a word, tasks an ACL hides from the integration user, and a lost read
 * permission must not look like finished follow-ups to the deployment gate; so a task missing from the list is read
 * by itself, and one ServiceNow will not show is kept unless its deletion was recorded.
 */
@Component("followUpRefresh")
public class FollowUpRefresh {

    private static final Logger log = LoggerFactory.getLogger(FollowUpRefresh.class);
    /** Retrospectives read from the store at a time. */
    static final int BATCH = 200;

    private final RetrospectiveStore retrospectives;
    private final RetrospectiveTasks tasks;
    private final RetrospectiveFollowUps followUps;
    private final DeletedRecords deletions;
    private final RetrospectivesProperties settings;
    private final Clock clock;

    @Autowired
    public FollowUpRefresh(RetrospectiveStore retrospectives, RetrospectiveTasks tasks,
                           RetrospectiveFollowUps followUps, DeletedRecords deletions,
                           RetrospectivesProperties settings, Optional<Clock> clock) {
        this(retrospectives, tasks, followUps, deletions, settings, clock.orElse(Clock.systemUTC()));
    }

    FollowUpRefresh(RetrospectiveStore retrospectives, RetrospectiveTasks tasks, RetrospectiveFollowUps followUps,
                    DeletedRecords deletions, RetrospectivesProperties settings, Clock clock) {
        this.retrospectives = retrospectives;
        this.tasks = tasks;
        this.followUps = followUps;
        this.deletions = deletions;
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
        Set<String> read = new TreeSet<>(tasks.taskSysIds(retrospective));
        for (String earlier : followUps.of(retrospective.id())) {
            if (!read.contains(earlier) && stillUnder(retrospective, earlier)) {
                read.add(earlier);
            }
        }
        return followUps.replace(retrospective.id(), read, clock.instant());
    }

    private boolean stillUnder(Retrospective retrospective, String taskSysId) {
        Optional<String> parent = tasks.parentOf(taskSysId);
        if (parent.isPresent()) {
            // Readable: it left only if it now names another record (a list that lagged behind keeps it).
            return parent.get().equals(retrospective.serviceNowSysId());
        }
        if (deletions.find(new ExternalRef(ExternalSystem.SERVICENOW, taskSysId)).isPresent()) {
            return false;
        }
        log.warn("Task {} of retrospective {} is no longer shown to the integration user (deleted, or hidden by an "
                + "ACL); it stays a follow-up until its deletion is seen", taskSysId, retrospective.key());
        return true;
    }
}
