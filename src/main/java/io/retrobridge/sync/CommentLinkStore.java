package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Which comments were copied between linked records, so each is copied once and no copy is copied back. */
public interface CommentLinkStore {

    /** Whether {@code commentId} on {@code system} is an original already copied (or being copied) or one of our copies. */
    default boolean isKnown(ExternalSystem system, String commentId) {
        return find(system, commentId).isPresent();
    }

    /** The row holding {@code commentId} as original or copy. */
    Optional<CommentLink> find(ExternalSystem system, String commentId);

    /**
     * Claims the original before its copy is written.
     *
     * @return false when the original is already claimed or copied (by an earlier run or another worker):
     *         then it must not be copied now
     */
    boolean recordIntent(CommentLink intent);

    /**
     * Takes over a claim whose copy never appeared (its worker died before writing): moves the claim's time to
     * {@code now} if it is still {@code stale}.
     *
     * @return true for exactly one of several workers trying at once; that one writes the copy
     */
    boolean reclaim(CommentLink stale, java.time.Instant now);

    /** Drops a claim whose copy was not written (the write failed), so the next run may copy the original. */
    void release(CommentLink intent);

    /**
     * Stores the pair: completes the claim of {@code pair}'s original with the copy's id, or inserts the pair
     * when there was no claim (a copy found after its record was lost).
     *
     * @throws IllegalArgumentException when {@code pair} has no copy id
     * @throws IllegalStateException    when the copy's id already belongs to another pair
     */
    void record(CommentLink pair);

    /** Every pair of one link, oldest first. */
    List<CommentLink> forLink(UUID linkId);
}
