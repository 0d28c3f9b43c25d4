/**
 * Webhook intake for every registered source ({@code POST /webhooks/{source}}): the body read within limits,
 * the signature checked over the raw bytes, the source's own reader (an adapter's {@code sync.WebhookSource})
 * asked what it says, and the change stored durably in the event inbox before it is acknowledged.
 */
package io.retrobridge.web.webhooks;
