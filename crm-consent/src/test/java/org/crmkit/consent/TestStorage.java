package org.crmkit.consent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.crmkit.spi.Checks;
import org.crmkit.spi.UnsupportedCapabilityException;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.segment.MembershipStore;
import org.crmkit.spi.storage.LockKey;
import org.crmkit.spi.storage.Storage;

/**
 * The storage of the engine tests: a consent ledger, a suppression list and an outbox, all kept in lists and maps.
 * Units run one at a time (one lock stands for every {@link LockKey}); every store call takes that lock too, so
 * nobody reads what a unit has not committed. A failed unit restores the stores' snapshots taken when it began.
 * The ports the consent engine does not use are refused. Thread-safe.
 */
final class TestStorage implements Storage {
    final ListConsentStore ledger = new ListConsentStore(this);
    final MapSuppressionStore list = new MapSuppressionStore(this);
    final ListOutbox outbox = new ListOutbox(this);

    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    private static final class Unit {
        final Runnable restore;
        final List<Runnable> afterCommit = new ArrayList<>();
        final List<Runnable> afterRollback = new ArrayList<>();
        boolean rollbackOnly;

        Unit(Runnable restore) {
            this.restore = restore;
        }
    }

    /** Runs a store call under the storage's lock. */
    <T> T locked(Supplier<T> call) {
        lock.lock();
        try {
            return call.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T atomically(Collection<LockKey> locks, Supplier<T> work) {
        Checks.noNullElements(locks, "locks");
        Unit outer = current.get();
        if (outer != null) {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                outer.rollbackOnly = true;
                throw e;
            }
        }
        lock.lock();
        try {
            Unit unit = new Unit(snapshot());
            current.set(unit);
            T result;
            try {
                result = work.get();
                if (unit.rollbackOnly) {
                    throw new IllegalStateException("a nested unit failed");
                }
            } catch (RuntimeException | Error e) {
                current.remove();
                unit.restore.run();
                unit.afterRollback.forEach(Runnable::run);
                throw e;
            }
            current.remove();
            unit.afterCommit.forEach(Runnable::run);
            return result;
        } finally {
            current.remove();
            lock.unlock();
        }
    }

    private Runnable snapshot() {
        Runnable entries = ledger.snapshot();
        Runnable suppressions = list.snapshot();
        Runnable events = outbox.snapshot();
        return () -> {
            entries.run();
            suppressions.run();
            events.run();
        };
    }

    @Override
    public void afterCommit(Runnable action) {
        Unit unit = current.get();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCommit.add(action);
        }
    }

    @Override
    public void afterRollback(Runnable action) {
        Unit unit = current.get();
        if (unit != null) {
            unit.afterRollback.add(action);
        }
    }

    @Override
    public ConsentStore consents() {
        return ledger;
    }

    @Override
    public SuppressionStore suppressions() {
        return list;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public CustomerStore customers() {
        throw new UnsupportedCapabilityException("customers (not in the consent engine's test storage)");
    }

    @Override
    public InteractionStore interactions() {
        throw new UnsupportedCapabilityException("interactions (not in the consent engine's test storage)");
    }

    @Override
    public ScoreStore scores() {
        throw new UnsupportedCapabilityException("scores (not in the consent engine's test storage)");
    }

    @Override
    public MembershipStore memberships() {
        throw new UnsupportedCapabilityException("memberships (not in the consent engine's test storage)");
    }

    @Override
    public void close() {
    }
}
