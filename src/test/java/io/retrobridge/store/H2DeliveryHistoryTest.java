package io.retrobridge.store;

class H2DeliveryHistoryTest extends DeliveryHistoryContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
