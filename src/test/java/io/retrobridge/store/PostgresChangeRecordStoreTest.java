package io.retrobridge.store;

class PostgresChangeRecordStoreTest extends ChangeRecordStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
