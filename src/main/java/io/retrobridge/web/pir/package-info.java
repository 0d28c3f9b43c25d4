/**
 * Each change's PIR summary under {@code /api/changes/{number}/pir}, readable with any key (viewer and up); asking
 * for a collection now ({@code POST .../pir/collect}) needs an admin key and is kept in the audit log.
 */
package io.retrobridge.web.pir;
