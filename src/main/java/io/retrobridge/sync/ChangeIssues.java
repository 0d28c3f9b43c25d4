package io.retrobridge.sync;

import io.retrobridge.mapping.change.ChangeRecordsMapping;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The Jira issues change requests are mirrored into. A mirror is described by its projection: the values it shows,
 * keyed by {@link #SUMMARY}, {@link #STATUS}, {@link #STATE_LABEL}, {@link #DETAILS} and the Jira field ids the
 * mapping sends fields to. Comparing two projections tells what a write must change.
 */
public interface ChangeIssues {

    String SUMMARY = "summary";
    String STATUS = "status";
    String STATE_LABEL = "state-label";
    /** The rows of the "Change details" table: one "Title\tvalue" line per field, in the mapping's order. */
    String DETAILS = "details";

    /** One mirror issue. */
    record Issue(String id, String key) {
    }

    /** The issue we created earlier with this correlation marker, found by its label. */
    Optional<Issue> findByMarker(String marker, ChangeRecordsMapping mapping);

    /** Creates the mirror issue with the marker, the mapping's label and everything the projection shows. */
    Issue create(String marker, Map<String, String> projection, ChangeRecordsMapping mapping);

    /** Writes what differs between {@code before} (what was last written; empty when unknown) and {@code after}. */
    void update(String issueId, Map<String, String> before, Map<String, String> after, ChangeRecordsMapping mapping);

    /** How long after a create a look-up by marker that finds nothing proves the create did not land. */
    Duration lookupSettleTime();
}
