package io.retrobridge.sandbox.prometheus;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The series the simulator holds, by the normalised text of the query that reads them. */
final class Recordings {

    private final Map<String, List<RecordedSeries>> byQuery = new ConcurrentHashMap<>();

    void add(String query, RecordedSeries series) {
        byQuery.computeIfAbsent(QueryText.normalised(query), key -> new CopyOnWriteArrayList<>()).add(series);
    }

    /** What {@code normalisedQuery} reads; empty, as for a selector that matches nothing, when nothing was recorded. */
    List<RecordedSeries> answering(String normalisedQuery) {
        return List.copyOf(byQuery.getOrDefault(normalisedQuery, List.of()));
    }

    void clear() {
        byQuery.clear();
    }
}
