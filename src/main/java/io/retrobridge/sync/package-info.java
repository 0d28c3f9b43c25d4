/**
 * The decide step: link store port, diff, ownership, conflicts, echo suppression, plans. Depends only on domain and its own ports.
 * The ports every source implements ({@link io.retrobridge.sync.SideGateway}, {@link io.retrobridge.sync.CommentGateway},
 * {@link io.retrobridge.sync.BoardQueueGateway}) speak canonical types: records' fields as
 * {@link io.retrobridge.mapping.RecordFields}, plain Java values, never a JSON library's trees.
 */
package io.retrobridge.sync;
