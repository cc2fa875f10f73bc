package org.crmkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventSink;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.event.OutboxMessage;

/**
 * Delivers the outbox to the sink and the listeners: in sequence order, holding back the later events of a key whose
 * event failed (retried after a back-off that doubles with every attempt, up to a maximum), removing what was
 * delivered. One relay per engine; among the engines sharing a storage, the one holding the outbox lease delivers. A
 * background thread runs passes when a commit wakes it or every poll interval (for events other engines wrote);
 * {@link #pass()} runs one on the calling thread. Thread-safe: passes are serialised.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OutboxRelay.class.getName());
    private static final int PAGE = 1024;
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final long GATHER_NANOS = Duration.ofMillis(1).toNanos();

    private final Outbox outbox;
    private final Clock clock;
    private final String owner;
    private final EventSink sink;
    private final Listeners listeners;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Duration poll;
    private Runnable maintenance = () -> { };
    private Duration maintenanceInterval = Duration.ofMinutes(1);
    /** When the thread last ran the maintenance (only the thread reads and writes it). */
    private Instant maintainedAt = Instant.MIN;

    private final ReentrantLock passes = new ReentrantLock();
    /** A commit asked for a pass since the current one started. */
    private volatile boolean wanted;
    /** The thread waits out its poll interval, and only a wake-up brings it back earlier. */
    private volatile boolean idle;
    private volatile boolean running;
    private volatile Thread thread;

    public OutboxRelay(Outbox outbox, Clock clock, String owner, EventSink sink, Listeners listeners,
                       Duration firstRetry, Duration maxRetry, Duration poll) {
        this.outbox = outbox;
        this.clock = clock;
        this.owner = owner;
        this.sink = sink;
        this.listeners = listeners;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.poll = poll;
    }

    /**
     * Starts the background thread (a daemon). While it holds the lease it also runs {@code maintenance} every
     * {@code interval}: the writes that follow the passing of time, such as consent expiries.
     */
    public void start(Runnable maintenanceTask, Duration interval) {
        this.maintenance = maintenanceTask;
        this.maintenanceInterval = interval;
        running = true;
        Thread t = new Thread(this::loop, "crmkit-outbox-relay-" + owner);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /**
     * Asks for a pass soon. Cheap: only the first commit after the thread went idle wakes it, and the thread then
     * gathers commits for a millisecond before it delivers, so a busy writer pays for at most a thousand wake-ups a
     * second.
     */
    public void wake() {
        if (!wanted) {
            wanted = true;
            Thread t = thread;
            if (idle && t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    private void loop() {
        while (running) {
            idle = true;
            if (!wanted) {
                LockSupport.parkNanos(this, poll.toNanos());
            }
            idle = false;
            if (wanted && running) {
                LockSupport.parkNanos(this, GATHER_NANOS);
            }
            wanted = false;
            try {
                pass();
                maintain();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "outbox relay pass failed; retrying", e);
            }
        }
    }

    /**
     * Runs the engine's maintenance if its interval has passed since the last run and this engine holds the lease
     * (so that one engine of those sharing the storage does it).
     */
    private void maintain() {
        Instant now = clock.instant();
        if (now.isBefore(maintainedAt.plus(maintenanceInterval)) || !outbox.lease(owner, now, LEASE)) {
            return;
        }
        maintainedAt = now;
        maintenance.run();
    }

    /**
     * Delivers every due event, if this engine holds (or can take) the lease.
     *
     * @return how many events were delivered
     */
    public int pass() {
        passes.lock();
        try {
            Instant now = clock.instant();
            if (!outbox.lease(owner, now, LEASE)) {
                return 0;
            }
            return deliverAll(now);
        } finally {
            passes.unlock();
        }
    }

    private int deliverAll(Instant now) {
        Set<String> blocked = new HashSet<>();
        int delivered = 0;
        long after = 0;
        List<OutboxMessage> page;
        while (!(page = outbox.pending(after, PAGE)).isEmpty()) {
            List<Long> done = new ArrayList<>(page.size());
            for (OutboxMessage m : page) {
                after = m.sequence();
                if (!blocked.isEmpty() && blocked.contains(m.event().orderingKey())) {
                    continue;
                }
                if (!m.isDue(now)) {
                    blocked.add(m.event().orderingKey());
                    continue;
                }
                if (deliver(m)) {
                    done.add(m.sequence());
                } else {
                    blocked.add(m.event().orderingKey());
                }
            }
            outbox.delivered(done);
            delivered += done.size();
            if (!outbox.lease(owner, clock.instant(), LEASE)) {
                break;
            }
        }
        return delivered;
    }

    private boolean deliver(OutboxMessage m) {
        DomainEvent event = m.event();
        try {
            sink.publish(event);
            listeners.deliver(event);
            return true;
        } catch (RuntimeException failure) {
            Duration wait = backoff(m.attempts() + 1);
            outbox.failed(m.sequence(), clock.instant().plus(wait));
            LOG.log(System.Logger.Level.WARNING, () -> "delivery of event " + event.id() + " failed (attempt "
                    + (m.attempts() + 1) + "); next try in " + wait, failure);
            return false;
        }
    }

    /** The wait after the {@code attempt}-th failure: the first retry delay, doubled per attempt, capped. */
    Duration backoff(int attempt) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempt && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    /**
     * Stops the thread (waiting for a pass in progress), delivers what is due one last time, and gives the lease
     * up.
     */
    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            pass();
        } finally {
            outbox.release(owner);
        }
    }
}
