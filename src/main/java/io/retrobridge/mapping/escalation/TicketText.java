package io.retrobridge.mapping.escalation;

/**
 * What a step writes, with {{placeholders}} from {@link TemplateVariables}. {@code title} is used only for
 * tickets (their summary / short description); comments use {@code body} alone.
 */
public record TicketText(String title, String body) {
}
