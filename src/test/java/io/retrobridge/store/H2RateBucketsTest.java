package io.retrobridge.store;

class H2RateBucketsTest extends RateBucketsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
