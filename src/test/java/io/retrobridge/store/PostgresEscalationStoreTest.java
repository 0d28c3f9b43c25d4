package io.retrobridge.store;

class PostgresEscalationStoreTest extends EscalationStoreContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
