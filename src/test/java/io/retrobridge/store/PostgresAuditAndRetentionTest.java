package io.retrobridge.store;

class PostgresAuditAndRetentionTest extends AuditAndRetentionContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
