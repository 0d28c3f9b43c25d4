package io.retrobridge.flow.housekeeping;

import io.retrobridge.sync.Retention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What routes/retention-purge.yaml calls on its timer: deletes what is past its keeping time, and says what. */
@Component("retentionPurge")
public class RetentionPurge {

    /** How many rows of each kind one purge deleted. */
    public record Purged(int payloadsEmptied, int events, int journalEntries, int deadLetters, int auditEntries,
            int singletonRuns, int backfillRuns) {

        int total() {
            return payloadsEmptied + events + journalEntries + deadLetters + auditEntries + singletonRuns + backfillRuns;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final Retention retention;
    private final RetentionProperties settings;
    private final Clock clock;

    public RetentionPurge(Retention retention, RetentionProperties settings, ObjectProvider<Clock> clock) {
        this.retention = retention;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Purged purge() {
        Instant now = clock.instant();
        Purged purged = new Purged(
                retention.dropFinishedPayloads(),
                retention.purgeFinishedEvents(now.minus(settings.finishedEvents())),
                retention.purgeJournal(now.minus(settings.journal())),
                retention.purgeReplayedDeadLetters(now.minus(settings.replayedDeadLetters())),
                retention.purgeAdminAudit(now.minus(settings.adminAudit())),
                retention.purgeSingletonRuns(now.minus(settings.singletonRuns())),
                retention.purgeFinishedBackfillRuns(now.minus(settings.backfillRuns())));
        if (purged.total() > 0) {
            log.info("Retention purge: emptied {} finished deliveries; deleted {} finished events older than {}, "
                            + "{} journal entries older than {}, {} dead letters replayed more than {} ago, "
                            + "{} audit entries older than {}, {} leader-job rounds started more than {} ago, "
                            + "{} backfill runs finished more than {} ago",
                    purged.payloadsEmptied(), purged.events(), readable(settings.finishedEvents()),
                    purged.journalEntries(), readable(settings.journal()), purged.deadLetters(),
                    readable(settings.replayedDeadLetters()), purged.auditEntries(), readable(settings.adminAudit()),
                    purged.singletonRuns(), readable(settings.singletonRuns()), purged.backfillRuns(),
                    readable(settings.backfillRuns()));
        } else {
            log.debug("Retention purge: nothing past its keeping time");
        }
        return purged;
    }

    /** 400d rather than PT9600H: as the setting is written. */
    private static String readable(Duration keep) {
        return keep.toHours() % 24 == 0 && keep.toSeconds() % 3600 == 0 ? keep.toDays() + "d" : keep.toString();
    }
}
