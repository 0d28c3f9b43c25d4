package io.retrobridge.cluster;

import io.retrobridge.sync.Fence;
import io.retrobridge.sync.LeaderTerm;
import io.retrobridge.sync.LeaderTerms;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.leader.AbstractCandidate;
import org.springframework.integration.leader.Context;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The election of {@code retrobridge.cluster.mode=jdbc}: Spring Integration's leader initiator over a lock row in
 * the shared database (INT_LOCK). The instance holding the lock leads; it renews the lock every heartbeat, and an
 * instance that stops renewing (killed, paused, cut off) loses it after lock-ttl to whichever instance takes it
 * next. On every grant the namespace's term is raised (leader_terms), and this instance writes under that term
 * until it is revoked.
 */
public class JdbcLeaderElection implements LeaderTerm, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JdbcLeaderElection.class);

    private final String instanceId;
    private final String namespace;
    private final LeaderTerms terms;
    private final Clock clock;
    private final DefaultLockRepository locks;
    private final LockRegistryLeaderInitiator initiator;
    private final List<LeadershipListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Fence> current = new AtomicReference<>();
    private volatile Instant since;

    public JdbcLeaderElection(DataSource dataSource, PlatformTransactionManager transactions, LeaderTerms terms,
            ClusterProperties settings, String instanceId, Clock clock) {
        this.instanceId = instanceId;
        this.namespace = settings.namespace();
        this.terms = terms;
        this.clock = clock;
        // A client id of its own per process (not the instance id): two processes given the same name by mistake
        // must still never both hold the lock.
        this.locks = new DefaultLockRepository(dataSource);
        locks.setRegion(namespace);
        locks.setTimeToLive(Math.toIntExact(settings.lockTtl().toMillis()));
        locks.setTransactionManager(transactions);
        locks.afterPropertiesSet();
        locks.afterSingletonsInstantiated();
        this.initiator = new LockRegistryLeaderInitiator(new JdbcLockRegistry(locks), new Candidate(namespace));
        initiator.setHeartBeatMillis(settings.heartbeat().toMillis());
        initiator.setAutoStartup(false);
        initiator.setTaskExecutor(new SimpleAsyncTaskExecutor("retrobridge-election-"));
    }

    void addListener(LeadershipListener listener) {
        listeners.add(listener);
    }

    @Override
    public boolean fenced() {
        return true;
    }

    @Override
    public Optional<Fence> current() {
        return Optional.ofNullable(current.get());
    }

    /** When this instance was last elected; empty while it does not lead. */
    public Optional<Instant> leadingSince() {
        return current.get() == null ? Optional.empty() : Optional.ofNullable(since);
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public void start() {
        locks.start();
        initiator.start();
        log.info("Instance {} joins the election of namespace {}", instanceId, namespace);
    }

    /**
     * Gives the lock up at once, so a successor need not wait lock-ttl; in the default phase, so it is the first
     * thing a shutdown does.
     */
    @Override
    public void stop() {
        initiator.stop();
        locks.stop();
    }

    @Override
    public boolean isRunning() {
        return initiator.isRunning();
    }

    private void granted(Context election) {
        Fence fence;
        try {
            fence = terms.grant(namespace, instanceId, clock.instant());
        } catch (RuntimeException termNotRaised) {
            // Without a term of its own this instance cannot fence its writes: let another instance try.
            log.warn("Instance {} was elected in namespace {} but could not record its term; it steps down: {}",
                    instanceId, namespace, termNotRaised.getMessage());
            election.yield();
            return;
        }
        since = clock.instant();
        current.set(fence);
        log.info("Instance {} leads namespace {} under term {}: the leader routes run here", instanceId, namespace,
                fence.term());
        for (LeadershipListener listener : listeners) {
            tell(() -> listener.granted(fence), listener);
        }
    }

    private void revoked() {
        Fence was = current.getAndSet(null);
        if (was == null) {
            return;
        }
        log.info("Instance {} no longer leads namespace {} (term {}): its leader routes stop", instanceId, namespace,
                was.term());
        for (LeadershipListener listener : listeners) {
            tell(listener::revoked, listener);
        }
    }

    private static void tell(Runnable call, LeadershipListener listener) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("Leadership change not taken in by {}: {}", listener.getClass().getSimpleName(), e.toString());
        }
    }

    /** This instance as a candidate: the lock's key is the namespace. */
    private final class Candidate extends AbstractCandidate {

        Candidate(String role) {
            super(instanceId, role);
        }

        @Override
        public void onGranted(Context election) {
            granted(election);
        }

        @Override
        public void onRevoked(Context election) {
            revoked();
        }
    }
}
