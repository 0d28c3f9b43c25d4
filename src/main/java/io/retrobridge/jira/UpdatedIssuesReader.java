package io.retrobridge.jira;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every issue of a scope updated at or after an instant without trusting offsets. Jira Server/Data Center
 * pages a search by {@code startAt} over a list that changes while it is read: an issue edited mid-poll moves to
 * the end of the order and shifts every later one down, so the next offset would step over an unread issue for
 * good. Here each page is a fresh query from the minute of the last issue read (JQL compares to the minute), and
 * versions already handed on are passed over. A minute holding more than a page is read on its own, page by page,
 * and read again until a whole pass brings nothing new: an edit during a pass can only move an issue out of that
 * minute (it is then met in a later one) and shift the rest, which the next pass catches.
 */
public final class UpdatedIssuesReader {

    private static final Logger log = LoggerFactory.getLogger(UpdatedIssuesReader.class);
    /** Passes over one crowded minute before the poll moves on (each pass follows edits made during the last). */
    static final int MAX_PASSES_OVER_A_MINUTE = 10;

    private final JiraClient jira;
    private final int pageSize;

    public UpdatedIssuesReader(JiraClient jira, int pageSize) {
        this.jira = Objects.requireNonNull(jira, "jira");
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, not " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /**
     * Hands each version (issue and update time) matching {@code scope} and updated at or after {@code since} to
     * {@code each}, once.
     *
     * @param scope a fresh copy of the scope query for every request (a {@link Jql} is a builder)
     */
    public void read(Supplier<Jql> scope, Instant since, Collection<String> fields, Consumer<JiraIssue> each) {
        readPages(scope, since, fields, page -> page.forEach(each));
    }

    /**
     * As {@link #read}, handing on the versions of one page at a time (those not handed on before), so what a page
     * asks about its issues can be asked once for all of them.
     */
    public void readPages(Supplier<Jql> scope, Instant since, Collection<String> fields, Consumer<List<JiraIssue>> eachPage) {
        ZoneId zone = jira.userTimeZone();
        Set<String> handedOn = new HashSet<>();
        Consumer<List<JiraIssue>> once = issues -> {
            List<JiraIssue> fresh = new ArrayList<>();
            for (JiraIssue issue : issues) {
                if (handedOn.add(issue.id() + "@" + issue.updated().toEpochMilli())) {
                    fresh.add(issue);
                }
            }
            if (!fresh.isEmpty()) {
                eachPage.accept(fresh);
            }
        };
        Instant from = Objects.requireNonNull(since, "since");
        while (true) {
            String jql = scope.get().atOrAfter("updated", from, zone).orderBy("updated", true).orderBy("key", true).build();
            JiraSearchPage page = jira.search(jql, fields, null, pageSize);
            once.accept(page.issues());
            if (page.isLast() || page.issues().isEmpty()) {
                return;
            }
            Instant last = page.issues().get(page.issues().size() - 1).updated();
            if (minuteOf(last).isAfter(minuteOf(from))) {
                from = last;
            } else {
                // The page began and ended in one minute: a new query from that minute would answer it again.
                readMinute(scope, minuteOf(last), zone, fields, handedOn, once);
                from = minuteOf(last).plus(Duration.ofMinutes(1));
            }
        }
    }

    private void readMinute(Supplier<Jql> scope, Instant minute, ZoneId zone, Collection<String> fields,
            Set<String> handedOn, Consumer<List<JiraIssue>> once) {
        String jql = scope.get().atOrAfter("updated", minute, zone).before("updated", minute.plus(Duration.ofMinutes(1)), zone)
                .orderBy("updated", true).orderBy("key", true).build();
        for (int pass = 1; pass <= MAX_PASSES_OVER_A_MINUTE; pass++) {
            int before = handedOn.size();
            String token = null;
            do {
                JiraSearchPage page = jira.search(jql, fields, token, pageSize);
                once.accept(page.issues());
                token = page.nextPageToken().orElse(null);
            } while (token != null);
            if (handedOn.size() == before) {
                return; // a whole pass brought nothing new: the minute was read completely
            }
        }
        log.warn("Jira poll: the issues updated in the minute from {} were still changing after {} passes; an issue "
                + "of that minute may be read only when it changes again or by a backfill", minute, MAX_PASSES_OVER_A_MINUTE);
    }

    private static Instant minuteOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }
}
