package io.retrobridge.store;

class H2EscalationStoreTest extends EscalationStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
