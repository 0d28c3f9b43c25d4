package io.retrobridge.insight.effectiveness;

import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.Alert;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.gate.facts.SnapshotItem;
import io.retrobridge.insight.SideReads;
import io.retrobridge.insight.effectiveness.EffectivenessReport.ApplicationFigures;
import io.retrobridge.insight.team.TeamScope;
import io.retrobridge.sync.AlertStore;
import io.retrobridge.sync.DeliveryHistory;
import io.retrobridge.sync.FollowUpStates;
import io.retrobridge.sync.FollowUpStates.FollowUpState;
import io.retrobridge.sync.FollowUpStates.ItemState;
import io.retrobridge.sync.RetrospectiveStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Gathers what the effectiveness figures are computed from, through the stores' existing reads: the retrospectives
 * opened since the window's start (later ones too, for recurrence), their follow-ups with the state the links of
 * those tasks last held (status, due date, failure mode: the newer side wins per field, as the gate reads them), the
 * follow-up facts (the day each item closed), each item's escalations, and for each retrospective whose actions all
 * landed, its application's production runs and alerts around that day. An alert is taken to be about the
 * application its {@code service} names.
 */
@Component
public class EffectivenessReader {

    static final int PAGE = 500;

    private final RetrospectiveStore retrospectives;
    private final FollowUpStates states;
    private final EscalationStore escalations;
    private final DeliveryHistory deliveries;
    private final AlertStore alerts;
    private final SideReads sideReads;

    public EffectivenessReader(RetrospectiveStore retrospectives, FollowUpStates states,
                               EscalationStore escalations, DeliveryHistory deliveries,
                               AlertStore alerts, SideReads sideReads) {
        this.retrospectives = retrospectives;
        this.states = states;
        this.escalations = escalations;
        this.deliveries = deliveries;
        this.alerts = alerts;
        this.sideReads = sideReads;
    }

    /**
     * @param application only this application's retrospectives; null for all
     * @param from        first day of the window, in {@code zone}
     * @param to          the day after the window, in {@code zone}
     * @param today       the day ages and overdue are judged on
     */
    public EffectivenessReport report(String application, LocalDate from, LocalDate to, Granularity granularity,
                                      ZoneId zone, LocalDate today) {
        return report(application, from, to, granularity, zone, today, TeamScope.NONE);
    }

    /** The report of the applications {@code teams} includes, with their team roll-ups. */
    public EffectivenessReport report(String application, LocalDate from, LocalDate to, Granularity granularity,
                                      ZoneId zone, LocalDate today, TeamScope teams) {
        return report(application, history(application, from, to, granularity, zone, teams), from, to, granularity,
                zone, today, teams);
    }

    /** The report and the action items behind its figures. */
    public record WithItems(EffectivenessReport report, EffectivenessItems items) {
    }

    /**
     * {@link #report} and the action items behind its figures, at most {@code limit} per period, from one read of
     * the store; the report alone does not build the items.
     */
    public WithItems reportWithItems(String application, LocalDate from, LocalDate to, Granularity granularity,
                                     ZoneId zone, LocalDate today, int limit, TeamScope teams) {
        List<TrackedRetrospective> history = history(application, from, to, granularity, zone, teams);
        Instant end = to.atStartOfDay(zone).toInstant();
        List<TrackedRetrospective> opened = history.stream()
                .filter(retrospective -> retrospective.openedAt().isBefore(end)).toList();
        return new WithItems(report(application, history, from, to, granularity, zone, today, teams),
                EffectivenessItems.of(opened, granularity.periods(from, to), zone, today, limit));
    }

    /** The retrospectives opened since the window's start (later ones too, for recurrence), tracked. */
    private List<TrackedRetrospective> history(String application, LocalDate from, LocalDate to,
                                               Granularity granularity, ZoneId zone, TeamScope teams) {
        Objects.requireNonNull(granularity, "granularity");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
        return tracked(teams.only(since(application, from.atStartOfDay(zone).toInstant()),
                Retrospective::application));
    }

    private EffectivenessReport report(String application, List<TrackedRetrospective> history, LocalDate from,
                                       LocalDate to, Granularity granularity, ZoneId zone, LocalDate today,
                                       TeamScope teams) {
        Map<String, RecoveryComparison> recoveries = recoveries(application, history,
                to.atStartOfDay(zone).toInstant(), zone);
        FailureModeHistory failureModes = FailureModeHistory.of(history);
        List<EffectivenessReport.Period> periods = new ArrayList<>();
        for (Granularity.Period period : granularity.periods(from, to)) {
            Instant start = period.from().atStartOfDay(zone).toInstant();
            Instant stop = period.to().atStartOfDay(zone).toInstant();
            List<TrackedRetrospective> opened = history.stream()
                    .filter(r -> !r.openedAt().isBefore(start) && r.openedAt().isBefore(stop)).toList();
            Map<String, List<TrackedRetrospective>> byApplication = new TreeMap<>();
            opened.forEach(r -> byApplication.computeIfAbsent(r.application(), unused -> new ArrayList<>()).add(r));
            List<ApplicationFigures> perApplication = new ArrayList<>();
            byApplication.forEach((name, group) -> perApplication.add(new ApplicationFigures(name,
                    EffectivenessFigures.of(group, failureModes, recoveries, today, zone))));
            EffectivenessFigures overall = EffectivenessFigures.of(opened, failureModes, recoveries, today, zone);
            periods.add(new EffectivenessReport.Period(period.from(), period.to(), overall, perApplication,
                    TeamEffectivenessFigures.of(teams, byApplication, overall, failureModes, recoveries, today,
                            zone)));
        }
        return new EffectivenessReport(application, from, to, granularity, zone, today, periods, teams.team());
    }

    private List<Retrospective> since(String application, Instant since) {
        List<Retrospective> all = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<Retrospective> page = retrospectives.list(application, since, offset, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    private List<TrackedRetrospective> tracked(List<Retrospective> opened) {
        List<UUID> ids = opened.stream().map(Retrospective::id).toList();
        SideReads.Pending<Map<String, List<EscalationRecord>>> escalationsRead =
                sideReads.start(() -> escalations.forFollowUpsOf(ids));
        Map<UUID, List<FollowUpState>> followUps = states.of(ids);
        Map<String, List<EscalationRecord>> escalated = escalationsRead.join();
        List<TrackedRetrospective> tracked = new ArrayList<>();
        for (Retrospective retrospective : opened) {
            List<FollowUpState> its = followUps.get(retrospective.id());
            List<TrackedItem> items = new ArrayList<>();
            int notSynced = 0;
            for (FollowUpState task : its == null ? List.<FollowUpState>of() : its) {
                Optional<TrackedItem> item = task.itemKey() == null ? Optional.empty()
                        : item(task, escalated.getOrDefault(task.itemKey(), List.of()));
                if (item.isPresent()) {
                    items.add(item.get());
                } else {
                    notSynced++;
                }
            }
            String application = retrospective.application() == null ? "" : retrospective.application();
            tracked.add(new TrackedRetrospective(retrospective.key(), application, retrospective.createdAt(),
                    its != null, notSynced, items));
        }
        return tracked;
    }

    /** The item a follow-up's link holds, read as the gate reads it ({@link SnapshotItem}); empty when never synced. */
    private static Optional<TrackedItem> item(FollowUpState task, List<EscalationRecord> escalations) {
        ItemState state = task.state();
        if (state == null) {
            return Optional.empty();
        }
        String displayKey = task.displayKey() != null && !task.displayKey().isBlank() ? task.displayKey()
                : task.itemKey();
        ActionStatus status = SnapshotItem.status(state.status());
        return Optional.of(new TrackedItem(task.itemKey(), displayKey, status, SnapshotItem.dueDate(state.dueDate()),
                status.isClosed() ? task.completedOn() : null, SnapshotItem.failureMode(state.failureMode()),
                escalations.stream().map(BoardEscalation::of).flatMap(Optional::stream).toList()));
    }

    /**
     * Recovery before and after, for each retrospective opened before {@code end} whose actions all landed. The runs
     * and alerts of every such retrospective are read at once, over the span all their windows cover: a superset of
     * each one's window, which {@link RecoveryTimes} narrows down itself.
     */
    private Map<String, RecoveryComparison> recoveries(String application, List<TrackedRetrospective> history,
                                                       Instant end, ZoneId zone) {
        // By identity: a tracked retrospective's own hash would walk all of its items.
        Map<TrackedRetrospective, Instant> landed = new IdentityHashMap<>();
        for (TrackedRetrospective retrospective : history) {
            if (retrospective.openedAt().isBefore(end)) {
                retrospective.landedAt(zone).ifPresent(at -> landed.put(retrospective, at));
            }
        }
        if (landed.isEmpty()) {
            return Map.of();
        }
        Instant from = RecoveryTimes.readFrom(Collections.min(landed.values()));
        Instant to = RecoveryTimes.readTo(Collections.max(landed.values()));
        Map<String, List<Deployment>> runs = new HashMap<>();
        deliveries.finishedBetween(application, RecoveryTimes.PRODUCTION, from, to).forEach(run ->
                runs.computeIfAbsent(run.deployment().application(), unused -> new ArrayList<>())
                        .add(run.deployment()));
        Set<String> applications = new TreeSet<>();
        landed.keySet().forEach(retrospective -> applications.add(retrospective.application()));
        Map<String, List<Alert>> firings = alerts.activeBetween(applications, from, to);
        Map<String, RecoveryComparison> recoveries = new HashMap<>();
        landed.forEach((retrospective, at) -> recoveries.put(retrospective.key(), RecoveryTimes.compare(retrospective,
                at, runs.getOrDefault(retrospective.application(), List.of()),
                firings.getOrDefault(retrospective.application(), List.of()))));
        return recoveries;
    }
}
