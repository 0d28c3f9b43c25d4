package io.retrobridge.transport;

/** Looks through an exception's chain of causes, as startup failure analyzers need to. */
public final class Causes {

    private Causes() {
    }

    /** The first throwable in {@code failure}'s cause chain (itself included) of the given type, or null. */
    public static <E extends Throwable> E find(Throwable failure, Class<E> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
