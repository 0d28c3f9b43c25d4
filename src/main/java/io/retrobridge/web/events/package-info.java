/**
 * Events posted to our own API by callers holding a key ({@code POST /api/events/{name}}, e.g. a pipeline's
 * deployment): the body read within limits, the registered source's reader (an adapter's
 * {@code sync.ApiEventSource}) asked what it says, and the event stored durably in the inbox before it is
 * acknowledged.
 */
package io.retrobridge.web.events;
