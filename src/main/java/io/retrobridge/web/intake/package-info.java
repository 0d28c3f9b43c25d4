/**
 * What every intake shares, webhook or posted event: the bounded read of the raw body and the durable storing of
 * what it said in the inbox before the answer.
 */
package io.retrobridge.web.intake;
