package io.retrobridge.testsupport;

/** The one line per injected fault that the fault tests print, so every run can be compared row by row. */
public final class FaultSummary {

    private FaultSummary() {
    }

    public static void report(String fault, long injected, long recovered, long deadLettered, long duplicates, long lost) {
        System.out.println("fault=" + fault + " injected=" + injected + " recovered=" + recovered + " dead-lettered="
                + deadLettered + " duplicates=" + duplicates + " lost=" + lost);
    }
}
