package io.retrobridge.sandbox.jira;

/** A query Jira would refuse; the message is what Jira says, sent back in {@code errorMessages}. */
final class JqlException extends RuntimeException {

    JqlException(String message) {
        super(message);
    }
}
