/**
 * Reports under {@code /api/reports/**}, readable with any key (viewer and up), as JSON or CSV.
 */
package io.retrobridge.web.reports;
