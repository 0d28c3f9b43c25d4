package io.retrobridge.store;

class H2DeadLetterStoreTest extends DeadLetterStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
