package io.retrobridge.testsupport;

/**
 * The fault suite's summary: one line per fault, in the same shape everywhere, so a CI log can be grepped for
 * {@code fault=} and every row checked for {@code duplicates=0 lost=0} (and {@code cancelled-wrongly=0} where the
 * fault could make the connector cancel or close an item nobody cancelled).
 */
public final class FaultReport {

    private FaultReport() {
    }

    public static void line(String fault, long injected, long recovered, long deadLettered, long duplicates, long lost) {
        System.out.println(prefix(fault, injected, recovered, deadLettered, duplicates, lost));
    }

    /** The same line, also counting items cancelled or closed by the connector although nobody asked for it. */
    public static void line(String fault, long injected, long recovered, long deadLettered, long duplicates, long lost,
            long cancelledWrongly) {
        System.out.println(prefix(fault, injected, recovered, deadLettered, duplicates, lost)
                + " cancelled-wrongly=" + cancelledWrongly);
    }

    private static String prefix(String fault, long injected, long recovered, long deadLettered, long duplicates,
            long lost) {
        return "fault=" + fault + " injected=" + injected + " recovered=" + recovered + " dead-lettered="
                + deadLettered + " duplicates=" + duplicates + " lost=" + lost;
    }
}
