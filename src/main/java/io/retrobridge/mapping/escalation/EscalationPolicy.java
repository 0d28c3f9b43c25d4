package io.retrobridge.mapping.escalation;

import io.retrobridge.domain.WorkCalendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code mappings/escalations.yaml} says, checked.
 *
 * @param calendar  how days overdue are counted
 * @param boards    review boards by id (e.g. cab, release-advisory-board, architecture-review-board), in file order
 * @param ladders   in file order; the first whose {@code when} matches an item is its ladder
 * @param systemic  escalation to a board (usually the architecture review board) for recurring failure modes and
 *                  items a board left open too long; empty when the file leaves it out
 * @param grouping  one ticket per board per review cycle instead of one per item; empty when off
 * @param context   where an item's retrospective, change record and team are read from
 * @param markers   how escalation state is shown on the item itself on both sides
 */
public record EscalationPolicy(WorkCalendar calendar, Map<String, Board> boards, List<Ladder> ladders,
                               Optional<SystemicRule> systemic, Optional<Grouping> grouping, ItemContext context,
                               StateMarkers markers) {

    public static final String FILE_NAME = "escalations.yaml";

    public EscalationPolicy {
        boards = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(boards));
        ladders = List.copyOf(ladders);
    }

    public Board board(String id) {
        Board board = boards.get(id);
        if (board == null) {
            throw new IllegalArgumentException("No board with id " + id);
        }
        return board;
    }
}
