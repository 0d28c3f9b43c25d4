package io.retrobridge.sync;

import java.time.Instant;
import java.util.Optional;

/** The leadership term of each namespace, as stored for every instance to see. */
public interface LeaderTerms {

    /** Raises the namespace's term by one for {@code holder}, just elected; returns the new term. */
    Fence grant(String namespace, String holder, Instant at);

    /** Who holds the namespace's latest term, and since when; empty before the first election. */
    Optional<Holder> latest(String namespace);

    /**
     * When the namespace's election lock was last taken or renewed (by whichever instance), as that instance's clock
     * said; empty when nobody holds it.
     */
    Optional<Instant> lockRenewedAt(String namespace);

    /** The latest term of a namespace, who was granted it and when. */
    record Holder(String namespace, long term, String holder, Instant grantedAt) {
    }
}
