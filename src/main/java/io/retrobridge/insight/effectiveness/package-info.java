/**
 * Retrospective effectiveness: did the actions retrospectives committed to get done, on time, did the failure modes
 * they addressed stay away, and did recovery from failed production deployments get faster once they landed. The
 * figures are computed by pure code ({@link io.retrobridge.insight.effectiveness.EffectivenessFigures}) from what
 * {@link io.retrobridge.insight.effectiveness.EffectivenessReader} gathers from the local store.
 */
package io.retrobridge.insight.effectiveness;
