package io.retrobridge.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One INFO line per refused caller (a key, or no key, from one remote address) and minute, so a stale key in a
 * dashboard or someone trying keys shows up in the log without flooding it. A presented key is named only by a
 * fingerprint (the first 8 hex digits of its SHA-256), never by the key or any part of it.
 */
@Component
class RefusedCallLog {

    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Remembered callers at most; past that the memory starts over (a flood of new callers logs again). */
    private static final int MAX_CALLERS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(RefusedCallLog.class);

    private record Window(Instant start, AtomicInteger suppressed) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    RefusedCallLog(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A 401: no key, or a key nobody configured. */
    void unauthorized(HttpServletRequest request, String presentedKey) {
        String caller = presentedKey == null ? "no key" : "unknown key " + fingerprint(presentedKey);
        logOncePerWindow(caller + "@" + request.getRemoteAddr(), suppressed -> log.info(
                "Refused {} {} from {}: {} (401){}", request.getMethod(), request.getRequestURI(),
                request.getRemoteAddr(), caller, more(suppressed)));
    }

    /** A 403: a known key whose role is not enough. */
    void forbidden(HttpServletRequest request, ApiKeyPrincipal principal, ApiRole required) {
        String caller = principal == null ? "a caller without role" : "key '" + principal.name() + "' (role "
                + principal.role().settingName() + ")";
        logOncePerWindow(caller + "@" + request.getRemoteAddr(), suppressed -> log.info(
                "Refused {} {} from {}: {} needs role {} (403){}", request.getMethod(), request.getRequestURI(),
                request.getRemoteAddr(), caller, required.settingName(), more(suppressed)));
    }

    private void logOncePerWindow(String caller, IntConsumer line) {
        Instant now = clock.instant();
        if (windows.size() > MAX_CALLERS) {
            windows.clear();
        }
        int[] suppressedBefore = {-1};
        windows.compute(caller, (key, window) -> {
            if (window == null || !now.isBefore(window.start().plus(WINDOW))) {
                suppressedBefore[0] = window == null ? 0 : window.suppressed().get();
                return new Window(now, new AtomicInteger());
            }
            window.suppressed().incrementAndGet();
            return window;
        });
        if (suppressedBefore[0] >= 0) {
            line.accept(suppressedBefore[0]);
        }
    }

    private static String more(int suppressed) {
        return suppressed == 0 ? "" : "; " + suppressed + " more refusals of this caller were not logged in the last minute";
    }

    static String fingerprint(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
