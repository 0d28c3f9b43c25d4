package io.retrobridge.sync;

/**
 * A leader-only write was refused because a newer leadership term exists, or this instance does not lead: another
 * instance was elected meanwhile and does the work now. Nothing was written; the round ends without its result.
 */
public class FencedOutException extends IllegalStateException {

    public FencedOutException(String message) {
        super(message);
    }
}
