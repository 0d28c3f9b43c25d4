package io.retrobridge.cluster;

/** How several RetroBridge instances agree on which of them runs the leader-only jobs. */
public enum ClusterMode {
    /** One instance: every job runs here, nothing is elected (the default). */
    NONE,
    /** Several instances on one shared PostgreSQL elect a leader through a lock row in it. */
    JDBC
}
