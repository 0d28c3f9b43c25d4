package io.retrobridge.web.retro;

import org.springframework.http.HttpStatus;

/** A request about retrospectives we refuse; the message says what is wrong and what to send instead. */
class RetrospectiveRequestException extends RuntimeException {

    private final HttpStatus status;

    private RetrospectiveRequestException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static RetrospectiveRequestException badRequest(String message) {
        return new RetrospectiveRequestException(HttpStatus.BAD_REQUEST, message);
    }

    static RetrospectiveRequestException notFound(String message) {
        return new RetrospectiveRequestException(HttpStatus.NOT_FOUND, message);
    }

    HttpStatus status() {
        return status;
    }
}
