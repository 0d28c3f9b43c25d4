package io.retrobridge.store;

class PostgresEventInboxTest extends EventInboxContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
