package io.retrobridge.store;

class H2LocalGateFactsTest extends LocalGateFactsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
