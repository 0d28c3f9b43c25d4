package io.retrobridge.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/** Every request a simulator received and what it answered, so tests can count writes. */
public final class RequestLog {

    /** One exchange. {@code status} is 0 when the connection was dropped. */
    public record Entry(Instant at, String method, String path, String rawQuery, String body, int status) {

        public boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD");
        }
    }

    private static final int MAX_ENTRIES = 500_000;

    private final ConcurrentLinkedDeque<Entry> entries = new ConcurrentLinkedDeque<>();

    void add(Entry entry) {
        entries.add(entry);
        if (entries.size() > MAX_ENTRIES) {
            entries.pollFirst();
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
    }
}
