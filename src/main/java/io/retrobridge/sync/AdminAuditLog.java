package io.retrobridge.sync;

import io.retrobridge.domain.AdminAction;
import java.time.Instant;
import java.util.List;

/** The audit log of admin actions: appended to by every admin call, read by {@code GET /api/admin/audit}. */
public interface AdminAuditLog {

    /**
     * Which entries to read; every part may be null (no filter).
     *
     * @param from inclusive
     * @param to   exclusive
     */
    record Filter(String action, String keyName, Instant from, Instant to) {
    }

    AdminAction record(AdminAction action);

    /** A page of matching entries, newest first. */
    List<AdminAction> find(Filter filter, int offset, int limit);

    long count(Filter filter);
}
