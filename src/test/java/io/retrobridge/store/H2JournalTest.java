package io.retrobridge.store;

class H2JournalTest extends JournalContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
