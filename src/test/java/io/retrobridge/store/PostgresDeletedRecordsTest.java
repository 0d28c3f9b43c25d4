package io.retrobridge.store;

class PostgresDeletedRecordsTest extends DeletedRecordsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
