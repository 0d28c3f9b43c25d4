package io.retrobridge.web.pir;

import org.springframework.http.HttpStatus;

/** A request about PIR summaries we refuse; the message says what is wrong and what to send instead. */
class PirRequestException extends RuntimeException {

    private final HttpStatus status;

    private PirRequestException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static PirRequestException badRequest(String message) {
        return new PirRequestException(HttpStatus.BAD_REQUEST, message);
    }

    static PirRequestException notFound(String message) {
        return new PirRequestException(HttpStatus.NOT_FOUND, message);
    }

    static PirRequestException conflict(String message) {
        return new PirRequestException(HttpStatus.CONFLICT, message);
    }

    HttpStatus status() {
        return status;
    }
}
