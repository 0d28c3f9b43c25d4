/**
 * The decide step: link store port, diff, ownership, conflicts, echo suppression, plans. Depends only on domain and its own ports.
 */
package io.retrobridge.sync;
