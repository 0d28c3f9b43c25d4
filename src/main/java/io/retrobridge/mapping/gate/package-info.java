/**
 * The deployment gate policy ({@code mappings/gates.yaml}) as a checked model: each application's risk tier, what
 * each tier blocks or warns about and where, the gates pipelines call with their modes, and the waivers signed off.
 * Pure records with small queries; deciding a deployment is left to whoever reads them.
 */
package io.retrobridge.mapping.gate;
