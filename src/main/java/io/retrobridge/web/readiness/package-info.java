/**
 * A release's readiness review over the API, {@code GET /api/readiness}: JSON for tools, Markdown for the
 * readiness review ticket. Readable with any key (viewer and up, pipelines included); the gate's answers link to it.
 */
package io.retrobridge.web.readiness;
