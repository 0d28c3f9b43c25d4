package io.retrobridge.web.webhooks;

import io.retrobridge.sync.GateHookSource;
import io.retrobridge.sync.WebhookSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Every webhook source registered as a bean, by the name in its path: an adapter that adds a source is served
 * without an edit here. Two sources claiming one name stop the start-up, since one would silently shadow the other.
 * The gate's hooks are served under {@code /api/gates/hooks/} instead, never here.
 */
@Component
class WebhookSources {

    private final Map<String, WebhookSource> byName = new TreeMap<>();

    WebhookSources(List<WebhookSource> sources) {
        for (WebhookSource source : sources) {
            if (source instanceof GateHookSource) {
                continue;
            }
            WebhookSource earlier = byName.putIfAbsent(source.name(), source);
            if (earlier != null) {
                throw new IllegalStateException("Two webhook sources are named '" + source.name() + "' ("
                        + earlier.getClass().getName() + " and " + source.getClass().getName()
                        + "); each needs its own name, which is its path under /webhooks/.");
            }
        }
    }

    Optional<WebhookSource> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The registered names, sorted. */
    List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
