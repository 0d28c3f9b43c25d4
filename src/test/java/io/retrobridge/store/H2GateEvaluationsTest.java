package io.retrobridge.store;

class H2GateEvaluationsTest extends GateEvaluationsContract {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
