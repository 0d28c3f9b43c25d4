package io.retrobridge.sync;

import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.RetrospectiveTrigger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The retrospectives opened, one per trigger key, with the records made for each as far as they are settled. */
public interface RetrospectiveStore {

    /**
     * The retrospective of the trigger's key: the one stored, or a new one stored now. Concurrent calls for one key
     * store one row and all answer it.
     */
    Retrospective open(RetrospectiveTrigger trigger, String serviceNowTable, Instant at);

    Optional<Retrospective> find(UUID id);

    Optional<Retrospective> findByKey(String key);

    /**
     * Records the ServiceNow record made for it, the change it points at (null when none) and why not (null when it
     * does).
     */
    Retrospective recordServiceNow(UUID id, String sysId, String number, String changeSysId, String rfcNote);

    Retrospective recordJira(UUID id, String issueId, String key);

    /** Records that the ServiceNow record now carries the Jira issue's key and address. */
    Retrospective recordLinked(UUID id, Instant at);

    /**
     * Newest first.
     *
     * @param application only this application's; null for all
     * @param since       only those opened at or after it; null for all
     */
    List<Retrospective> list(String application, Instant since, int offset, int limit);

    long count(String application, Instant since);
}
