package io.retrobridge.testsupport;

/**
 * The fault suite's summary: one line per fault, in the same shape everywhere, so a CI log can be grepped for
 * {@code fault=} and every row checked for {@code duplicates=0 lost=0}.
 */
public final class FaultReport {

    private FaultReport() {
    }

    public static void line(String fault, long injected, long recovered, long deadLettered, long duplicates, long lost) {
        System.out.println("fault=" + fault + " injected=" + injected + " recovered=" + recovered + " dead-lettered="
                + deadLettered + " duplicates=" + duplicates + " lost=" + lost);
    }
}
