/**
 * The flow of one action-item event: read the record fresh, translate it through the mapping, decide
 * against the link, apply to the other side, record link, snapshots and journal. Joins the adapters,
 * the mapping engine and the sync ports; nothing but the web layer depends on it.
 */
package io.retrobridge.flow;
