package io.retrobridge.insight.gauges;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.retrobridge.insight.delivery.Delivery;
import io.retrobridge.insight.delivery.DeliveryFigures;
import io.retrobridge.insight.delivery.DeliveryQuery;
import io.retrobridge.insight.delivery.DeliveryReport;
import io.retrobridge.insight.delivery.DoraBand;
import io.retrobridge.insight.delivery.Granularity;
import io.retrobridge.insight.effectiveness.EffectivenessFigures;
import io.retrobridge.insight.effectiveness.EffectivenessReader;
import io.retrobridge.insight.effectiveness.EffectivenessReport;
import io.retrobridge.sync.LeadershipLoss;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The headline figures of the delivery and effectiveness reports as gauges, one series per application the store
 * knows (delivery: in production). A scrape only reads what the last {@link #refresh()} computed (the reports read
 * the whole window from the store, too much for every scrape); before the first refresh there are no series, and an
 * application or figure with nothing behind it in the window has none either.
 */
@Component
public class ReportGauges implements MeterBinder, LeadershipLoss {

    static final String PRODUCTION = "production";
    private static final Logger LOG = LoggerFactory.getLogger(ReportGauges.class);

    private final DeliveryReport delivery;
    private final EffectivenessReader effectiveness;
    private final ReportGaugesProperties settings;
    private final Clock clock;
    private final List<Families> bound = new CopyOnWriteArrayList<>();
    private volatile Figures last = new Figures(List.of(), List.of());

    public ReportGauges(DeliveryReport delivery, EffectivenessReader effectiveness, ReportGaugesProperties settings,
                        Optional<Clock> clock) {
        this.delivery = delivery;
        this.effectiveness = effectiveness;
        this.settings = settings;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Families families = new Families(registry);
        families.show(last);
        bound.add(families);
    }

    /** Computes every figure anew and shows it to the next scrape. */
    public void refresh() {
        Instant now = clock.instant();
        Delivery production = delivery.report(new DeliveryQuery(null, PRODUCTION,
                now.minus(settings.deliveryWindow()), now, Granularity.MONTH, ZoneOffset.UTC, false));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate from = today.minusDays(settings.effectivenessWindow().toDays());
        EffectivenessReport actions = effectiveness.report(null, from, today.plusDays(1),
                io.retrobridge.insight.effectiveness.Granularity.WINDOW, ZoneOffset.UTC, today);
        List<EffectivenessReport.ApplicationFigures> byApplication = actions.periods().isEmpty() ? List.of()
                : actions.periods().get(0).byApplication().stream()
                .filter(figures -> !figures.application().isEmpty()).toList();
        Figures figures = new Figures(production.applications(), byApplication);
        last = figures;
        bound.forEach(families -> families.show(figures));
        LOG.info("Report gauges refreshed: {} applications with production deployments, {} with retrospectives",
                figures.delivery().size(), figures.effectiveness().size());
    }

    /** Another instance leads and refreshes the figures now: this one stops showing its own, which age from here. */
    @Override
    public void leadershipLost() {
        Figures none = new Figures(List.of(), List.of());
        last = none;
        bound.forEach(families -> families.show(none));
    }

    private record Figures(List<Delivery.ApplicationDelivery> delivery,
                           List<EffectivenessReport.ApplicationFigures> effectiveness) {
    }

    /** The gauge families registered with one registry. */
    private static final class Families {

        private final MultiGauge deploymentsPerDay;
        private final MultiGauge leadTime;
        private final MultiGauge changeFailRatio;
        private final MultiGauge recoveryTime;
        private final MultiGauge reworkRatio;
        private final MultiGauge band;
        private final MultiGauge completionRatio;
        private final MultiGauge onTimeRatio;
        private final MultiGauge open;
        private final MultiGauge overdue;
        private final MultiGauge recurrenceRatio;

        Families(MeterRegistry registry) {
            deploymentsPerDay = gauge(registry, "retrobridge.delivery.deployments.per.day", null,
                    "Successful production deployments a day over the delivery window");
            leadTime = gauge(registry, "retrobridge.delivery.lead.time", "seconds",
                    "Median change lead time (commit to deployed) over the delivery window");
            changeFailRatio = gauge(registry, "retrobridge.delivery.change.fail.ratio", null,
                    "Failed production deployments over all finished ones in the delivery window");
            recoveryTime = gauge(registry, "retrobridge.delivery.recovery.time", "seconds",
                    "Median failed deployment recovery time over the delivery window");
            reworkRatio = gauge(registry, "retrobridge.delivery.rework.ratio", null,
                    "Rework deployments over all finished ones in the delivery window");
            band = gauge(registry, "retrobridge.delivery.band", null,
                    "DORA performance level of a delivery figure: elite 4, high 3, medium 2, low 1");
            completionRatio = gauge(registry, "retrobridge.actions.completion.ratio", null,
                    "Done action items over all action items of retrospectives opened in the effectiveness window");
            onTimeRatio = gauge(registry, "retrobridge.actions.on.time.ratio", null,
                    "Action items done by their due date over those done, effectiveness window");
            open = gauge(registry, "retrobridge.actions.open", null,
                    "Action items neither done nor cancelled, of retrospectives opened in the effectiveness window");
            overdue = gauge(registry, "retrobridge.actions.overdue", null,
                    "Open action items past their due date, of retrospectives opened in the effectiveness window");
            recurrenceRatio = gauge(registry, "retrobridge.failure.mode.recurrence.ratio", null,
                    "Closed failure-mode tags named again by a later retrospective, effectiveness window");
        }

        private static MultiGauge gauge(MeterRegistry registry, String name, String unit, String description) {
            MultiGauge.Builder builder = MultiGauge.builder(name).description(description);
            return (unit == null ? builder : builder.baseUnit(unit)).register(registry);
        }

        void show(Figures figures) {
            deploymentsPerDay.register(delivery(figures, f -> f.deploymentFrequency().perDay()), true);
            leadTime.register(delivery(figures, f -> seconds(f.changeLeadTime().median())), true);
            changeFailRatio.register(delivery(figures, f -> f.changeFailRate().rate()), true);
            recoveryTime.register(delivery(figures, f -> seconds(f.failedDeploymentRecoveryTime().median())), true);
            reworkRatio.register(delivery(figures, f -> f.deploymentReworkRate().rate()), true);
            band.register(bands(figures), true);
            completionRatio.register(actions(figures, f -> f.completionRate()), true);
            onTimeRatio.register(actions(figures, f -> f.onTimeRate()), true);
            open.register(actions(figures, f -> f.open().items()), true);
            overdue.register(actions(figures, f -> f.overdue().items()), true);
            recurrenceRatio.register(actions(figures, f -> f.recurrence().rate()), true);
        }

        private static List<MultiGauge.Row<?>> delivery(Figures figures, Function<DeliveryFigures, Number> figure) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (Delivery.ApplicationDelivery application : figures.delivery()) {
                Number value = figure.apply(application.figures());
                if (value != null) {
                    rows.add(MultiGauge.Row.of(Tags.of("application", application.application(),
                            "environment", PRODUCTION), value));
                }
            }
            return rows;
        }

        private static List<MultiGauge.Row<?>> bands(Figures figures) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (Delivery.ApplicationDelivery application : figures.delivery()) {
                DeliveryFigures f = application.figures();
                Map<String, DoraBand> bands = new java.util.LinkedHashMap<>();
                bands.put("deployment_frequency", f.deploymentFrequency().band());
                bands.put("lead_time", f.changeLeadTime().band());
                bands.put("change_fail_rate", f.changeFailRate().band());
                bands.put("recovery_time", f.failedDeploymentRecoveryTime().band());
                bands.forEach((name, level) -> {
                    if (level != null) {
                        rows.add(MultiGauge.Row.of(Tags.of("application", application.application(),
                                "environment", PRODUCTION, "figure", name), level(level)));
                    }
                });
            }
            return rows;
        }

        private static List<MultiGauge.Row<?>> actions(Figures figures,
                                                       Function<EffectivenessFigures, Number> figure) {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (EffectivenessReport.ApplicationFigures application : figures.effectiveness()) {
                Number value = figure.apply(application.figures());
                if (value != null) {
                    rows.add(MultiGauge.Row.of(Tags.of("application", application.application()), value));
                }
            }
            return rows;
        }
    }

    /** Elite 4, high 3, medium 2, low 1: higher is better, so a threshold colours it. */
    static int level(DoraBand band) {
        return DoraBand.values().length - band.ordinal();
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }
}
