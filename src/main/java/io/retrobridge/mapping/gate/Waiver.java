package io.retrobridge.mapping.gate;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-off exception: one rule does not count against one application until a given instant. Expired waivers
 * stay in the file for the record and do nothing.
 *
 * @param id          unique among waivers, named in answers and reports
 * @param application as deployments name it
 * @param ruleId      the rule waived, of the application's tier
 * @param who         who signed it off, an e-mail address
 * @param why         the reason, as written
 * @param until       the first instant it no longer holds
 */
public record Waiver(String id, String application, String ruleId, String who, String why, Instant until) {

    public Waiver {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(until, "until");
    }

    /** In force at {@code at}: up to, not including, {@code until}. */
    public boolean activeAt(Instant at) {
        return at.isBefore(until);
    }

    public boolean covers(String application, String ruleId) {
        return this.application.equals(application) && this.ruleId.equals(ruleId);
    }
}
