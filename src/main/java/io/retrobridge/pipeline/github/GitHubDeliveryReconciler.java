package io.retrobridge.pipeline.github;

import io.micrometer.core.instrument.MeterRegistry;
import io.retrobridge.transport.RemoteCallException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes up for GitHub never redelivering a failed webhook delivery on its own (routes/gate-hook-github-reconcile.yaml
 * calls {@link #reconcile()} every {@code reconcile-interval}): reads the App's deliveries of the last
 * {@code reconcile-lookback}, and asks GitHub once to redeliver each {@code deployment_protection_rule} delivery that
 * failed and has not succeeded since under the same GUID. What was asked is remembered for the lookback only; a
 * redelivery that lands twice is a duplicate in the inbox anyway. Counted as
 * {@code retrobridge.gate.github.redeliveries} by outcome. Without an App id and private key a round does nothing.
 */
@Component("githubDeliveryReconciler")
public class GitHubDeliveryReconciler {

    /** Pages of 100 read at most per round, so one round stays short whatever the App's traffic. */
    static final int MAX_PAGES = 10;

    private static final Logger log = LoggerFactory.getLogger(GitHubDeliveryReconciler.class);

    private final ObjectProvider<GitHubApi> api;
    private final GitHubGateHookProperties settings;
    private final MeterRegistry meters;
    private final Clock clock;
    /** GUIDs asked for, with when: asked once, forgotten after the lookback. */
    private final Map<String, Instant> asked = new ConcurrentHashMap<>();

    /** What one round did. */
    public record Round(int read, int failed, int redelivered, int refused) {
    }

    GitHubDeliveryReconciler(ObjectProvider<GitHubApi> api, GitHubGateHookProperties settings, MeterRegistry meters,
            ObjectProvider<Clock> clock) {
        this.api = api;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** One round; a failure to read the list is logged and the next round tries again. */
    public Round reconcile() {
        GitHubApi github = api.getIfAvailable();
        if (github == null) {
            log.debug("No GitHub App configured: no deliveries to reconcile");
            return new Round(0, 0, 0, 0);
        }
        Instant now = clock.instant();
        Instant since = now.minus(settings.reconcileLookback());
        asked.values().removeIf(at -> at.isBefore(since));
        List<GitHubApi.Delivery> recent;
        try {
            recent = recent(github, since);
        } catch (RemoteCallException e) {
            log.warn("Could not read the GitHub App's webhook deliveries; trying again in {}: {}",
                    settings.reconcileInterval(), e.getMessage());
            count("unreadable");
            return new Round(0, 0, 0, 0);
        }
        Map<String, List<GitHubApi.Delivery>> byGuid = new LinkedHashMap<>();
        recent.stream().filter(delivery -> GitHubGateHook.EVENT.equals(delivery.event()))
                .forEach(delivery -> byGuid.computeIfAbsent(delivery.guid(), guid -> new ArrayList<>()).add(delivery));
        int failed = 0;
        int redelivered = 0;
        int refused = 0;
        for (Map.Entry<String, List<GitHubApi.Delivery>> guid : byGuid.entrySet()) {
            if (guid.getValue().stream().anyMatch(GitHubApi.Delivery::succeeded)) {
                continue;
            }
            failed++;
            if (asked.containsKey(guid.getKey())) {
                continue;
            }
            // The newest attempt: newest first as GitHub lists them.
            GitHubApi.Delivery latest = guid.getValue().get(0);
            try {
                github.redeliver(latest.id());
                asked.put(guid.getKey(), now);
                redelivered++;
                count("redelivered");
                log.info("Asked GitHub to redeliver deployment_protection_rule delivery {} (GUID {}), which failed "
                        + "with {} at {}", latest.id(), guid.getKey(), latest.statusCode(), latest.deliveredAt());
            } catch (RemoteCallException e) {
                refused++;
                count("refused");
                log.warn("GitHub did not redeliver delivery {} (GUID {}); asking again next round: {}", latest.id(),
                        guid.getKey(), e.getMessage());
            }
        }
        if (failed > 0 || log.isDebugEnabled()) {
            log.info("GitHub App deliveries since {}: {} read, {} deployment_protection_rule deliveries failed, {} "
                    + "redelivered now, {} refused", since, recent.size(), failed, redelivered, refused);
        }
        return new Round(recent.size(), failed, redelivered, refused);
    }

    private static List<GitHubApi.Delivery> recent(GitHubApi github, Instant since) {
        List<GitHubApi.Delivery> recent = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        for (int page = 0; page < MAX_PAGES; page++) {
            GitHubApi.DeliveryPage read = github.deliveries(cursor.orElse(null));
            boolean older = false;
            for (GitHubApi.Delivery delivery : read.deliveries()) {
                if (delivery.deliveredAt() != null && delivery.deliveredAt().isBefore(since)) {
                    older = true;
                } else {
                    recent.add(delivery);
                }
            }
            cursor = read.nextCursor();
            if (older || cursor.isEmpty()) {
                break;
            }
        }
        return recent;
    }

    private void count(String outcome) {
        meters.counter("retrobridge.gate.github.redeliveries", "outcome", outcome).increment();
    }
}
