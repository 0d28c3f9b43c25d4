package io.retrobridge.store;

class PostgresWriteIntentsTest extends WriteIntentsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
