/**
 * Inclusion criteria, retrospective creation, templates filled from telemetry.
 */
package io.retrobridge.retro;
