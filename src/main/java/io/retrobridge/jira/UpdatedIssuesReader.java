package io.retrobridge.jira;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads every issue of a scope updated at or after an instant, oldest change first, by keyset rather than
 * by offset. Jira Server/Data Center pages a search by {@code startAt} over a list that changes while it is
 * read: an issue edited mid-poll moves to the end of the order and shifts every later one down, so the next
 * offset would step over an unread issue for good. Here each page is a fresh query from the minute of the
 * last issue read (JQL compares to the minute), and what was read already, by (updated, id), is passed over.
 * When a whole page falls within one minute, that minute is read on its own, ordered by id, from the last
 * id read; issues edited during that read leave the minute for a later one and are met there.
 */
public final class UpdatedIssuesReader {

    /** Issues in (updated, id) order; ids are compared as numbers, as Jira orders them. */
    static final Comparator<JiraIssue> ORDER = Comparator.comparing(JiraIssue::updated)
            .thenComparing(JiraIssue::id, UpdatedIssuesReader::compareIds);

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
     * Hands each issue matching {@code scope} and updated at or after {@code since} to {@code each}, once.
     *
     * @param scope a fresh copy of the scope query for every request (a {@link Jql} is a builder)
     */
    public void read(Supplier<Jql> scope, Instant since, Collection<String> fields, Consumer<JiraIssue> each) {
        ZoneId zone = jira.userTimeZone();
        Instant from = Objects.requireNonNull(since, "since");
        JiraIssue last = null;
        while (true) {
            String jql = scope.get().atOrAfter("updated", from, zone)
                    .orderBy("updated", true).orderBy("id", true).build();
            JiraSearchPage page = jira.search(jql, fields, null, pageSize);
            for (JiraIssue issue : page.issues()) {
                if (last == null || ORDER.compare(issue, last) > 0) {
                    each.accept(issue);
                    last = issue;
                }
            }
            if (page.isLast() || last == null) {
                return;
            }
            Instant minute = minuteOf(last.updated());
            if (minute.isAfter(minuteOf(from))) {
                from = last.updated();
            } else {
                // The page began and ended in one minute: a new query from that minute would answer it again.
                last = readMinute(scope, minute, zone, fields, last, each);
                from = minute.plus(Duration.ofMinutes(1));
            }
        }
    }

    /** Every issue updated within {@code minute}, by id, passing over those up to {@code last}; returns the newest handed on. */
    private JiraIssue readMinute(Supplier<Jql> scope, Instant minute, ZoneId zone, Collection<String> fields,
            JiraIssue last, Consumer<JiraIssue> each) {
        JiraIssue newest = last;
        String afterId = null;
        while (true) {
            Jql query = scope.get().atOrAfter("updated", minute, zone).before("updated", minute.plus(Duration.ofMinutes(1)), zone);
            if (afterId != null) {
                query.greaterThan("id", afterId);
            }
            JiraSearchPage page = jira.search(query.orderBy("id", true).build(), fields, null, pageSize);
            for (JiraIssue issue : page.issues()) {
                if (ORDER.compare(issue, last) > 0) {
                    each.accept(issue);
                    newest = ORDER.compare(issue, newest) > 0 ? issue : newest;
                }
                afterId = issue.id();
            }
            if (page.isLast() || page.issues().isEmpty()) {
                return newest;
            }
        }
    }

    private static Instant minuteOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }

    static int compareIds(String a, String b) {
        if (a.length() != b.length() && a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)) {
            return Integer.compare(a.length(), b.length());
        }
        return a.compareTo(b);
    }
}
