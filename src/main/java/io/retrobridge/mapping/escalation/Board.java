package io.retrobridge.mapping.escalation;

/**
 * A review board and the queue it already works from.
 *
 * @param id    the id steps refer to (lower-case-with-hyphens), also used in state markers (escalated:cab)
 * @param name  what people call it ("Change Advisory Board")
 * @param queue where its tickets are created
 */
public record Board(String id, String name, BoardQueue queue) {
}
