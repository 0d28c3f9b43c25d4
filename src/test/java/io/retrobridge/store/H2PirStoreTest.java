package io.retrobridge.store;

class H2PirStoreTest extends PirStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
