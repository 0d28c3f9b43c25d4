package io.retrobridge.store;

class PostgresDeadLetterStoreTest extends DeadLetterStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
