package io.retrobridge.store;

class H2AlertStoreTest extends AlertStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
