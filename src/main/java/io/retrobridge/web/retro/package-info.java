/**
 * The retrospectives RetroBridge opened, under {@code /api/retrospectives}, readable with any key (viewer and up).
 */
package io.retrobridge.web.retro;
