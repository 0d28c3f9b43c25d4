package io.retrobridge.retro;

/**
 * What one follow-up refresh did.
 *
 * @param refreshed retrospectives whose follow-ups were read and stored
 * @param changed   of those, the ones whose follow-ups differ from the projection stored before
 * @param failed    retrospectives that could not be read or stored; their earlier projection is kept
 */
public record FollowUpRefreshSummary(int refreshed, int changed, int failed) {

    /** The line the refresh logs. */
    public String line() {
        return "Follow-ups refreshed for " + refreshed + " retrospective" + (refreshed == 1 ? "" : "s") + " ("
                + changed + " changed), " + failed + " failed";
    }
}
