package io.retrobridge.store;

class PostgresRetrospectiveStoreTest extends RetrospectiveStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
