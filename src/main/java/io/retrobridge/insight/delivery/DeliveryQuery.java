package io.retrobridge.insight.delivery;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a delivery report is asked for.
 *
 * @param application only this application; null for every one
 * @param environment the environment, lower case, e.g. production
 * @param from        start of the window, included
 * @param to          end of the window, excluded
 * @param granularity the buckets
 * @param zone        the zone the buckets' days are counted in
 * @param events      whether to list the events behind each figure
 */
public record DeliveryQuery(String application, String environment, Instant from, Instant to, Granularity granularity,
                            ZoneId zone, boolean events) {
}
