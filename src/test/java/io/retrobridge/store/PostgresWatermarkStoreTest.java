package io.retrobridge.store;

class PostgresWatermarkStoreTest extends WatermarkStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
