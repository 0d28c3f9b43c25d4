package io.retrobridge.web.admin;

import org.springframework.http.HttpStatus;

/** An admin request we refuse; the message says what is wrong and what to send instead. */
class BadAdminRequestException extends RuntimeException {

    private final HttpStatus status;

    BadAdminRequestException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static BadAdminRequestException badRequest(String message) {
        return new BadAdminRequestException(HttpStatus.BAD_REQUEST, message);
    }

    static BadAdminRequestException notFound(String message) {
        return new BadAdminRequestException(HttpStatus.NOT_FOUND, message);
    }

    static BadAdminRequestException conflict(String message) {
        return new BadAdminRequestException(HttpStatus.CONFLICT, message);
    }

    HttpStatus status() {
        return status;
    }
}
