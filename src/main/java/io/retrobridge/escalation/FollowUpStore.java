package io.retrobridge.escalation;

import java.util.List;

/** The facts behind the follow-up report, one row per action item. */
public interface FollowUpStore {

    /** Inserts or replaces the fact for its item. */
    void save(FollowUpFact fact);

    List<FollowUpFact> all();
}
