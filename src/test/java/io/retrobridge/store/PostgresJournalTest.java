package io.retrobridge.store;

class PostgresJournalTest extends JournalContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
