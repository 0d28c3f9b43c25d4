package io.retrobridge.store;

class PostgresLinkStoreTest extends LinkStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
