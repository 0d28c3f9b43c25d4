package io.retrobridge.web.admin;

/** Checks of offset and limit shared by the admin listings. */
final class Paging {

    static final int MAX_LIMIT = 500;

    private Paging() {
    }

    static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw BadAdminRequestException.badRequest("limit must be between 1 and " + MAX_LIMIT + " but was " + limit + ".");
        }
        return limit;
    }

    static int offset(int offset) {
        if (offset < 0) {
            throw BadAdminRequestException.badRequest("offset must be 0 or more but was " + offset + ".");
        }
        return offset;
    }
}
