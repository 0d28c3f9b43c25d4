package io.retrobridge.store;

class PostgresRateBucketsTest extends RateBucketsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
