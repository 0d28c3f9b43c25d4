package io.retrobridge.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/** Every request a simulator received and what it answered, so tests can count writes. */
public final class RequestLog {

    /** One exchange. {@code status} is 0 when the connection was dropped. */
    public record Entry(Instant at, String method, String path, String rawQuery, String body, int status) {

        /**
         * A request that changes state: not a GET, and not a query sent as POST (Jira's search/jql, Prometheus's
         * queries).
         */
        public boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD") && !path.endsWith("/search/jql")
                    && !path.endsWith("/search") && !path.startsWith("/api/v1/query");
        }
    }

    private static final int MAX_ENTRIES = 500_000;

    private final ConcurrentLinkedDeque<Entry> entries = new ConcurrentLinkedDeque<>();

    // ConcurrentLinkedDeque.size() walks the whole deque; count separately so logging stays O(1).
    private final AtomicInteger size = new AtomicInteger();

    void add(Entry entry) {
        entries.add(entry);
        if (size.incrementAndGet() > MAX_ENTRIES && entries.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    public List<Entry> all() {
        return new ArrayList<>(entries);
    }

    /** Successful writes (POST, PUT, PATCH, DELETE answered 2xx) whose path starts with the prefix. */
    public long successfulWrites(String pathPrefix) {
        return entries.stream()
                .filter(e -> e.isWrite() && e.status() >= 200 && e.status() < 300 && e.path().startsWith(pathPrefix))
                .count();
    }

    public long count(String method, String pathPrefix) {
        return entries.stream()
                .filter(e -> e.method().equalsIgnoreCase(method) && e.path().startsWith(pathPrefix))
                .count();
    }

    public void clear() {
        entries.clear();
        size.set(0);
    }
}
