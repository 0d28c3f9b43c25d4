package io.retrobridge.flow;

import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The follow-up facts kept in memory for the scan's tests: one row per item, replaced on save. */
final class InMemoryFollowUpStore implements FollowUpStore {

    private final Map<String, FollowUpFact> facts = new ConcurrentHashMap<>();

    @Override
    public void save(FollowUpFact fact) {
        facts.put(fact.itemKey(), fact);
    }

    @Override
    public List<FollowUpFact> all() {
        return List.copyOf(facts.values());
    }

    FollowUpFact of(String itemKey) {
        return facts.get(itemKey);
    }
}
