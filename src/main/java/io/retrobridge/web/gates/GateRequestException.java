package io.retrobridge.web.gates;

import org.springframework.http.HttpStatus;

/** A gate request refused before anything was decided or kept; the message says what to send instead. */
class GateRequestException extends RuntimeException {

    private final HttpStatus status;

    private GateRequestException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static GateRequestException badRequest(String message) {
        return new GateRequestException(HttpStatus.BAD_REQUEST, message);
    }

    static GateRequestException tooLarge(String message) {
        return new GateRequestException(HttpStatus.PAYLOAD_TOO_LARGE, message);
    }

    static GateRequestException notFound(String message) {
        return new GateRequestException(HttpStatus.NOT_FOUND, message);
    }

    HttpStatus status() {
        return status;
    }
}
