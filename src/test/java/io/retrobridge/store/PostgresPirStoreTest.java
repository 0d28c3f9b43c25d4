package io.retrobridge.store;

class PostgresPirStoreTest extends PirStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
