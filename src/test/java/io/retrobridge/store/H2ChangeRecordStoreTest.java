package io.retrobridge.store;

class H2ChangeRecordStoreTest extends ChangeRecordStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
