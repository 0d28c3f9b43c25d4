package io.retrobridge.store;

class H2LinkStoreTest extends LinkStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
