package io.retrobridge.store;

class H2RetrospectiveStoreTest extends RetrospectiveStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
