package io.retrobridge.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** One line per step while the benchmark runs, so a long run shows it is alive. */
final class Progress {

    private Progress() {
    }

    static void say(String format, Object... args) {
        System.out.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + String.format(format, args));
        System.out.flush();
    }
}
