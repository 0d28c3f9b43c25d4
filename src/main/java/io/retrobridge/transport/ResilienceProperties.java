package io.retrobridge.transport;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard RetroBridge tries, and how politely, when calling each remote system. Every value has a
 * default; {@code routes/outbound.yaml} reads the breaker values through placeholders with the same
 * defaults, so leaving a value out means the same thing in both places.
 *
 * @param jira       how Jira is called
 * @param servicenow how ServiceNow is called
 * @param prometheus how Prometheus is queried
 * @param githubApi  how GitHub's REST API is called (deployment protection rule reviews, App tokens, deliveries)
 * @param gitlab     how GitLab is answered (external status check responses)
 * @param azureDevops how Azure DevOps is answered (check callbacks)
 * @param rateLimits  whose requests-per-second the instances spend: local (each instance paces its own calls),
 *                    shared (all instances on the database share one bucket per system) or auto (local when
 *                    retrobridge.cluster.mode is none or unset, shared otherwise; default auto)
 * @param sharedBurst calls a quiet shared bucket lets start at once; 1 spreads them over the second as the local
 *                    pacing does (default 1)
 */
@ConfigurationProperties("retrobridge.resilience")
public record ResilienceProperties(PerSystem jira, PerSystem servicenow, PerSystem prometheus, PerSystem githubApi,
        PerSystem gitlab, PerSystem azureDevops, @DefaultValue("auto") RateLimits rateLimits,
        @DefaultValue("1") Integer sharedBurst) {

    /** Whose requests-per-second the instances spend. */
    public enum RateLimits {
        /** Local for a single instance, shared when the instances form a cluster. */
        AUTO,
        /** Each instance paces its own calls: N instances may start N times the rate. */
        LOCAL,
        /** One bucket per system in the database, spent by every instance together. */
        SHARED
    }

    @ConstructorBinding
    public ResilienceProperties {
        jira = (jira == null ? PerSystem.DEFAULTS : jira).withRateIfUnset(10).withAttemptsIfUnset(5);
        servicenow = (servicenow == null ? PerSystem.DEFAULTS : servicenow).withRateIfUnset(20).withAttemptsIfUnset(5);
        // Metrics feed a report that can be collected again later: fewer attempts, and a gentler pace.
        prometheus = (prometheus == null ? PerSystem.DEFAULTS : prometheus).withRateIfUnset(5).withAttemptsIfUnset(3);
        // GitHub allows an App installation 5,000 requests an hour: a review a second is far below that.
        githubApi = (githubApi == null ? PerSystem.DEFAULTS : githubApi).withRateIfUnset(5).withAttemptsIfUnset(3);
        // Gate answers a pipeline waits for: as many attempts as the sync's, at a pace well inside both APIs' limits.
        gitlab = (gitlab == null ? PerSystem.DEFAULTS : gitlab).withRateIfUnset(5).withAttemptsIfUnset(5);
        azureDevops = (azureDevops == null ? PerSystem.DEFAULTS : azureDevops).withRateIfUnset(5)
                .withAttemptsIfUnset(5);
        rateLimits = rateLimits == null ? RateLimits.AUTO : rateLimits;
        sharedBurst = sharedBurst == null ? 1 : sharedBurst;
        PerSystem.require(sharedBurst >= 1, "shared-burst must be at least 1 (1 spreads calls over the second)");
    }

    /** Every system's settings; rate limits chosen by the cluster mode, a shared burst of 1. */
    public ResilienceProperties(PerSystem jira, PerSystem servicenow, PerSystem prometheus, PerSystem githubApi,
            PerSystem gitlab, PerSystem azureDevops) {
        this(jira, servicenow, prometheus, githubApi, gitlab, azureDevops, null, null);
    }

    /** Jira, ServiceNow and Prometheus; the gate callers' APIs get their defaults. */
    public ResilienceProperties(PerSystem jira, PerSystem servicenow, PerSystem prometheus) {
        this(jira, servicenow, prometheus, null, null, null);
    }

    /** Jira and ServiceNow only; Prometheus gets its defaults. */
    public ResilienceProperties(PerSystem jira, PerSystem servicenow) {
        this(jira, servicenow, null);
    }

    public static ResilienceProperties defaults() {
        return new ResilienceProperties(null, null, null, null, null, null);
    }

    /**
     * Whether the instances share one bucket per system, given {@code clusterMode} (retrobridge.cluster.mode;
     * null when unset): auto shares only when the instances form a cluster.
     */
    public boolean sharesRateLimits(String clusterMode) {
        return switch (rateLimits) {
            case LOCAL -> false;
            case SHARED -> true;
            case AUTO -> clusterMode != null && !clusterMode.isBlank() && !"none".equalsIgnoreCase(clusterMode.trim());
        };
    }

    /**
     * The settings for "Jira", "ServiceNow", "Prometheus", "GitHub-API", "GitLab" or "Azure-DevOps" (as
     * {@link HttpTarget#system()} names them).
     */
    public PerSystem forSystem(String system) {
        return switch (system.toLowerCase(Locale.ROOT)) {
            case "jira" -> jira;
            case "servicenow" -> servicenow;
            case "prometheus" -> prometheus;
            case "github-api" -> githubApi;
            case "gitlab" -> gitlab;
            case "azure-devops" -> azureDevops;
            default -> throw new IllegalArgumentException("no resilience settings for system " + system
                    + "; known: Jira, ServiceNow, Prometheus, GitHub-API, GitLab, Azure-DevOps");
        };
    }

    /**
     * @param maxAttempts          tries per call, the first included (default Jira, ServiceNow, GitLab and Azure
     *                             DevOps 5, Prometheus and GitHub's API 3)
     * @param requestsPerSecond    calls started per second at most (default Jira 10, ServiceNow 20, Prometheus,
     *                             GitHub's API, GitLab and Azure DevOps 5)
     * @param initialBackoff       ceiling of the first retry wait; doubles per retry, with jitter (default 500ms)
     * @param maxBackoff           ceiling of any retry wait (default 30s); a longer Retry-After ends the retries
     * @param rateLimitFloor       wait after a 429 that gave no Retry-After (default 5s)
     * @param breakerFailureRate   percent of failed calls in the window that opens the breaker (default 50)
     * @param breakerWindow        how many recent calls the breaker judges (default 20)
     * @param breakerMinimumCalls  calls needed in the window before it may open (default 10)
     * @param breakerWaitSeconds   how long an open breaker refuses calls before trying again (default 30)
     */
    public record PerSystem(Integer maxAttempts, Double requestsPerSecond,
            @DefaultValue("500ms") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("5s") Duration rateLimitFloor, @DefaultValue("50") Integer breakerFailureRate,
            @DefaultValue("20") Integer breakerWindow, @DefaultValue("10") Integer breakerMinimumCalls,
            @DefaultValue("30") Integer breakerWaitSeconds) {

        static final PerSystem DEFAULTS = new PerSystem(null, null, null, null, null, null, null, null, null);

        public PerSystem {
            // The same defaults as the binder's, for a system with nothing set and for instances built in code;
            // max-attempts and requests-per-second differ per system, so ResilienceProperties fills them in.
            initialBackoff = orDefault(initialBackoff, Duration.ofMillis(500));
            maxBackoff = orDefault(maxBackoff, Duration.ofSeconds(30));
            rateLimitFloor = orDefault(rateLimitFloor, Duration.ofSeconds(5));
            breakerFailureRate = orDefault(breakerFailureRate, 50);
            breakerWindow = orDefault(breakerWindow, 20);
            breakerMinimumCalls = orDefault(breakerMinimumCalls, 10);
            breakerWaitSeconds = orDefault(breakerWaitSeconds, 30);
            require(maxAttempts == null || maxAttempts >= 1, "max-attempts must be at least 1 (1 means: never retry)");
            require(requestsPerSecond == null || requestsPerSecond > 0,
                    "requests-per-second must be above 0, e.g. 10");
            require(breakerFailureRate > 0 && breakerFailureRate <= 100, "breaker-failure-rate is a percentage, 1..100");
            require(breakerMinimumCalls >= 1 && breakerMinimumCalls <= breakerWindow,
                    "breaker-minimum-calls must be between 1 and breaker-window");
            require(breakerWaitSeconds >= 1, "breaker-wait-seconds must be at least 1");
            require(initialBackoff.toMillis() >= 1 && maxBackoff.compareTo(initialBackoff) >= 0,
                    "initial-backoff must be at least 1ms and at most max-backoff, e.g. 500ms and 30s");
            require(!rateLimitFloor.isNegative(), "rate-limit-floor must not be negative, e.g. 5s");
        }

        PerSystem withRateIfUnset(double perSecond) {
            return requestsPerSecond != null ? this : new PerSystem(maxAttempts, perSecond, initialBackoff, maxBackoff,
                    rateLimitFloor, breakerFailureRate, breakerWindow, breakerMinimumCalls, breakerWaitSeconds);
        }

        PerSystem withAttemptsIfUnset(int attempts) {
            return maxAttempts != null ? this : new PerSystem(attempts, requestsPerSecond, initialBackoff, maxBackoff,
                    rateLimitFloor, breakerFailureRate, breakerWindow, breakerMinimumCalls, breakerWaitSeconds);
        }

        private static <T> T orDefault(T value, T fallback) {
            return value == null ? fallback : value;
        }

        static void require(boolean ok, String problem) {
            if (!ok) {
                throw new IllegalArgumentException("retrobridge.resilience: " + problem);
            }
        }
    }
}
