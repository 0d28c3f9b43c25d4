package io.retrobridge.cluster;

import io.retrobridge.sync.Fence;

/** Told when this instance is elected and when it stops leading; called on the election's own thread, in order. */
interface LeadershipListener {

    void granted(Fence fence);

    void revoked();
}
