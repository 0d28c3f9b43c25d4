package io.retrobridge.store;

class PostgresGateEvaluationsTest extends GateEvaluationsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
