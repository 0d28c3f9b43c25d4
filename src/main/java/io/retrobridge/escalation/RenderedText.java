package io.retrobridge.escalation;

/** A ticket's text after its placeholders were filled: title (summary / short description) and body. */
public record RenderedText(String title, String body) {
}
