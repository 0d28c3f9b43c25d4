package io.retrobridge.mapping.retro;

import java.time.Period;

/**
 * {@code failures} failed releases of one program within {@code within} open a program-level retrospective of
 * {@code tier}, due {@code due} after the last of them.
 */
public record ProgramThreshold(int failures, Period within, String tier, DueIn due) {
}
