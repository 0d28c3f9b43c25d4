package io.retrobridge.store;

class H2AuditAndRetentionTest extends AuditAndRetentionContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
