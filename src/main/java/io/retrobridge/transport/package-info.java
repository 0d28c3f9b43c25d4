/**
 * Outbound HTTP through Camel: auth headers, timeouts and the answers every adapter shares.
 */
package io.retrobridge.transport;
