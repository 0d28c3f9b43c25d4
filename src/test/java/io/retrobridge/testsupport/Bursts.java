package io.retrobridge.testsupport;

import io.retrobridge.sandbox.SandboxRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Which simulator requests meet a fault in bursts: of the requests that match a scope, the first {@code burst} of
 * every {@code period} do, the rest pass. Scoped to the connector's own account, so what a test does as a person
 * at either system is never refused.
 */
public final class Bursts implements Predicate<SandboxRequest> {

    private final int burst;
    private final int period;
    private final Predicate<SandboxRequest> scope;
    private final AtomicLong seen = new AtomicLong();
    private final AtomicLong hit = new AtomicLong();

    private Bursts(int burst, int period, Predicate<SandboxRequest> scope) {
        if (burst < 1 || period <= burst) {
            throw new IllegalArgumentException("a burst of " + burst + " every " + period + " requests never lets one through");
        }
        this.burst = burst;
        this.period = period;
        this.scope = scope;
    }

    public static Bursts of(int burst, int period, Predicate<SandboxRequest> scope) {
        return new Bursts(burst, period, scope);
    }

    /** Requests sent as {@code user} with Basic credentials (Jira: e-mail and token; ServiceNow: user and password). */
    public static Predicate<SandboxRequest> sentAs(String user, String secret) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return request -> expected.equals(request.header("Authorization"));
    }

    @Override
    public boolean test(SandboxRequest request) {
        if (!scope.test(request)) {
            return false;
        }
        boolean inBurst = seen.getAndIncrement() % period < burst;
        if (inBurst) {
            hit.incrementAndGet();
        }
        return inBurst;
    }

    /** How many requests met the fault so far. */
    public long hits() {
        return hit.get();
    }
}
