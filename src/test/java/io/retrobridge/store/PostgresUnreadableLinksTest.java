package io.retrobridge.store;

class PostgresUnreadableLinksTest extends UnreadableLinksContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
