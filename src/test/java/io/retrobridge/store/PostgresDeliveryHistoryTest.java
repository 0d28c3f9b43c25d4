package io.retrobridge.store;

class PostgresDeliveryHistoryTest extends DeliveryHistoryContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
