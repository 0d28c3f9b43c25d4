package io.retrobridge.sync;

/**
 * Leader-only work that keeps something in memory: told when this instance stops leading, so it stops showing
 * what it computed while it led (the new leader shows its own).
 */
public interface LeadershipLoss {

    void leadershipLost();
}
