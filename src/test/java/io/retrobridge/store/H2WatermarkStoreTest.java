package io.retrobridge.store;

class H2WatermarkStoreTest extends WatermarkStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
