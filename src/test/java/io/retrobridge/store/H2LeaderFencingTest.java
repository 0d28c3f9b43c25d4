package io.retrobridge.store;

class H2LeaderFencingTest extends LeaderFencingContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
