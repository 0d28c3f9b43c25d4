package io.retrobridge.web.events;

import io.retrobridge.sync.ApiEventSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Every API event source registered as a bean, by the name in its path: an adapter that adds one is served without
 * an edit here. Two sources claiming one name stop the start-up, since one would silently shadow the other.
 */
@Component
class ApiEventSources {

    private final Map<String, ApiEventSource> byName = new TreeMap<>();

    ApiEventSources(List<ApiEventSource> sources) {
        for (ApiEventSource source : sources) {
            ApiEventSource earlier = byName.putIfAbsent(source.name(), source);
            if (earlier != null) {
                throw new IllegalStateException("Two API event sources are named '" + source.name() + "' ("
                        + earlier.getClass().getName() + " and " + source.getClass().getName()
                        + "); each needs its own name, which is its path under /api/events/.");
            }
        }
    }

    Optional<ApiEventSource> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The registered sources, by name. */
    List<ApiEventSource> all() {
        return List.copyOf(byName.values());
    }

    /** The registered names, sorted. */
    List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
