package io.retrobridge.store;

class PostgresLocalGateFactsTest extends LocalGateFactsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
