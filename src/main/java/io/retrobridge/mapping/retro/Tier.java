package io.retrobridge.mapping.retro;

import java.util.List;

/**
 * A kind of retrospective: the sections its record holds.
 *
 * @param id        e.g. {@code lightweight} or {@code deep-dive}
 * @param mandatory sections that must be filled in, in the order they appear
 * @param optional  sections that may be
 */
public record Tier(String id, List<String> mandatory, List<String> optional) {

    public Tier {
        mandatory = List.copyOf(mandatory);
        optional = List.copyOf(optional);
    }
}
