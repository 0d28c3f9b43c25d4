package io.retrobridge.escalation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The facts behind the follow-up report, one row per action item. */
public interface FollowUpStore {

    /** Inserts or replaces the fact for its item. */
    void save(FollowUpFact fact);

    List<FollowUpFact> all();

    /** The facts of those of these items that have one; for showing display keys next to item keys. */
    default List<FollowUpFact> forItems(Collection<String> itemKeys) {
        Set<String> wanted = Set.copyOf(itemKeys);
        return all().stream().filter(fact -> wanted.contains(fact.itemKey())).toList();
    }

    /** The item people call {@code displayKey} (PAY-12, PTASK0010001), as its fact names it. */
    default Optional<FollowUpFact> byDisplayKey(String displayKey) {
        return all().stream().filter(fact -> displayKey.equals(fact.displayKey())).findFirst();
    }
}
