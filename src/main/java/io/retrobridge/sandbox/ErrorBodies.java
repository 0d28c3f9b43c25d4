package io.retrobridge.sandbox;

/** How one simulated system shapes an error answer (Jira and ServiceNow each have their own). */
@FunctionalInterface
public interface ErrorBodies {

    SandboxResponse error(int status, String message);

    /**
     * The 429 for a request over the {@link FaultPlan#rateLimit(int) per-second budget}, before the
     * common {@code Retry-After}/{@code X-RateLimit-*} headers are added. A system overrides this to give
     * its own body and headers (ServiceNow, for instance, names the rule that was enforced).
     */
    default SandboxResponse rateLimited(int limitPerSecond, long resetEpochSecond) {
        return error(429, "Rate limit exceeded");
    }
}
