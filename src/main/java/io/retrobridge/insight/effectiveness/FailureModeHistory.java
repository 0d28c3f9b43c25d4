package io.retrobridge.insight.effectiveness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which retrospectives of each application named each failure mode, oldest first: what recurrence looks up. Built
 * once per report, since every period, application and team asks it, and scanning the whole history for each
 * closed tag grows with the square of the history.
 */
final class FailureModeHistory {

    private static final Comparator<TrackedRetrospective> OLDEST_FIRST =
            Comparator.comparing(TrackedRetrospective::openedAt);

    private final Map<String, Map<String, List<TrackedRetrospective>>> byApplicationAndTag = new HashMap<>();

    private FailureModeHistory() {
    }

    static FailureModeHistory of(Collection<TrackedRetrospective> history) {
        FailureModeHistory index = new FailureModeHistory();
        for (TrackedRetrospective retrospective : history) {
            Set<String> tags = new LinkedHashSet<>();
            retrospective.items().stream().filter(item -> item.failureMode() != null)
                    .forEach(item -> tags.add(tag(item.failureMode())));
            Map<String, List<TrackedRetrospective>> byTag = index.byApplicationAndTag
                    .computeIfAbsent(retrospective.application(), unused -> new HashMap<>());
            tags.forEach(tag -> byTag.computeIfAbsent(tag, unused -> new ArrayList<>()).add(retrospective));
        }
        index.byApplicationAndTag.values().forEach(byTag -> byTag.values().forEach(list -> list.sort(OLDEST_FIRST)));
        return index;
    }

    /** The failure mode as compared: without surrounding blanks, ignoring case. */
    static String tag(String failureMode) {
        return failureMode.strip().toLowerCase(Locale.ROOT);
    }

    /** The first retrospective of {@code application} other than {@code earlier} naming {@code tag} at or after. */
    Optional<TrackedRetrospective> firstNaming(String application, String tag, Instant notBefore,
                                               TrackedRetrospective earlier) {
        List<TrackedRetrospective> naming = byApplicationAndTag.getOrDefault(application, Map.of())
                .getOrDefault(tag, List.of());
        return naming.stream().filter(later -> !later.key().equals(earlier.key()))
                .filter(later -> !later.openedAt().isBefore(notBefore)).findFirst();
    }
}
