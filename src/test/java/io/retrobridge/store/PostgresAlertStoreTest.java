package io.retrobridge.store;

class PostgresAlertStoreTest extends AlertStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
