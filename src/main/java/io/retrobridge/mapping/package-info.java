/**
 * Loads mappings/*.yaml, validates them with file:line messages, evaluates field maps, value maps, classification and escalation rules.
 */
package io.retrobridge.mapping;
