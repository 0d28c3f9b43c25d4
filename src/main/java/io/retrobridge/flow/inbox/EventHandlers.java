package io.retrobridge.flow.inbox;

import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.HandledKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.ClassUtils;

/**
 * The handlers the inbox worker dispatches to, by each event's kind and source. Built once at start; two handlers
 * that would both take some event stop start-up, naming both, so which one runs never depends on the order beans
 * happen to be found in.
 */
final class EventHandlers {

    /** The kind of failure a dead letter records for an event no handler takes. */
    static final String NO_HANDLER = "no_handler";

    private final Map<HandledKind, EventHandler> byKind = new LinkedHashMap<>();

    EventHandlers(List<EventHandler> handlers) {
        for (EventHandler handler : handlers) {
            if (handler.takes() == null || handler.takes().isEmpty()) {
                throw new IllegalStateException("The inbox event handler " + name(handler)
                        + " takes no event kinds; say in takes() which kinds it handles, or remove it.");
            }
            for (HandledKind kind : handler.takes()) {
                byKind.forEach((taken, owner) -> {
                    if (taken.overlaps(kind) && !taken.narrowerThan(kind) && !kind.narrowerThan(taken)) {
                        throw new IllegalStateException("Two inbox event handlers take the same events: "
                                + name(owner) + " takes " + taken + " and " + name(handler) + " takes " + kind
                                + ". Each event must have one handler: narrow the kinds one of them takes (the narrower of two"
                                + " takes what both would).");
                    }
                });
                byKind.put(kind, handler);
            }
        }
    }

    /**
     * The one handler that takes {@code event}, the narrowest where several would (start-up made sure one of any two
     * is narrower); empty when none does.
     */
    Optional<EventHandler> of(InboundEvent event) {
        return HandledKind.narrowestFor(event, byKind);
    }

    /** Why {@code event} is parked when no handler takes it. */
    static String noHandlerFor(InboundEvent event) {
        return "no handler for kind " + event.kind() + " from source " + event.source()
                + "; replay it once a handler for this kind is installed";
    }

    private static String name(EventHandler handler) {
        Class<?> type = ClassUtils.getUserClass(handler);
        return type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    }
}
