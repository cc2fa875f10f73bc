package org.crmkit.memory.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.crmkit.spi.Checks;
import org.crmkit.spi.storage.LockKey;

/**
 * The atomic units of one in-memory storage: striped locks shared by every engine on the storage, and per thread the
 * undo log of the unit it runs. In-memory stores write at once and register how to undo each write with
 * {@link #undo}; a unit that throws runs those undo actions newest first. A unit nested in another joins it; if the
 * nested one throws, the whole outermost unit is undone, even when a caller in between catches the exception.
 * Thread-safe.
 */
public final class Units {
    private static final int STRIPES = 4096;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    public Units() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** The unit of the calling thread: its undo log, its actions, the stripes it holds, whether it must be undone. */
    private static final class Unit {
        final List<Runnable> undo = new ArrayList<>();
        final List<Runnable> afterCommit = new ArrayList<>();
        final List<Runnable> afterRollback = new ArrayList<>();
        final List<ReentrantLock> held = new ArrayList<>();
        boolean rollbackOnly;
    }

    /** Runs {@code work} as a unit holding {@code locks}; see {@code Storage.atomically}. */
    public <T> T run(Collection<LockKey> locks, Supplier<T> work) {
        Checks.noNullElements(locks, "locks");
        Checks.notNull(work, "work");
        Unit outer = current.get();
        if (outer != null) {
            return nested(outer, locks, work);
        }
        Unit unit = new Unit();
        lock(unit, locks);
        current.set(unit);
        try {
            T result;
            try {
                result = work.get();
                if (unit.rollbackOnly) {
                    throw new IllegalStateException("a nested unit failed, so the unit was undone");
                }
            } catch (RuntimeException | Error failure) {
                current.remove();
                rollback(unit, failure);
                throw failure;
            }
            current.remove();
            runAll(unit.afterCommit);
            return result;
        } finally {
            current.remove();
            for (int i = unit.held.size() - 1; i >= 0; i--) {
                unit.held.get(i).unlock();
            }
        }
    }

    private <T> T nested(Unit outer, Collection<LockKey> locks, Supplier<T> work) {
        lock(outer, locks);
        try {
            return work.get();
        } catch (RuntimeException | Error failure) {
            outer.rollbackOnly = true;
            throw failure;
        }
    }

    /** Takes the stripes of {@code locks} in ascending stripe order (those the unit holds already are re-entered). */
    private void lock(Unit unit, Collection<LockKey> locks) {
        if (locks.isEmpty()) {
            return;
        }
        if (locks.size() == 1) {
            ReentrantLock lock = stripes[stripe(locks.iterator().next())];
            lock.lock();
            unit.held.add(lock);
            return;
        }
        int[] wanted = new int[locks.size()];
        int n = 0;
        for (LockKey key : locks) {
            wanted[n++] = stripe(key);
        }
        Arrays.sort(wanted);
        for (int i = 0; i < n; i++) {
            if (i == 0 || wanted[i] != wanted[i - 1]) {
                ReentrantLock lock = stripes[wanted[i]];
                lock.lock();
                unit.held.add(lock);
            }
        }
    }

    private static int stripe(LockKey key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }

    /**
     * Registers how to undo a write just made, if the calling thread runs a unit of these units; outside a unit the
     * write stays, and nothing is registered.
     */
    public void undo(Runnable action) {
        Unit unit = current.get();
        if (unit != null) {
            unit.undo.add(action);
        }
    }

    /** Whether the calling thread runs a unit of these units. */
    public boolean inUnit() {
        return current.get() != null;
    }

    /** Runs {@code action} after the calling thread's unit committed, or now outside a unit. */
    public void afterCommit(Runnable action) {
        Checks.notNull(action, "action");
        Unit unit = current.get();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCommit.add(action);
        }
    }

    /** Runs {@code action} after the calling thread's unit was undone; outside a unit, never. */
    public void afterRollback(Runnable action) {
        Checks.notNull(action, "action");
        Unit unit = current.get();
        if (unit != null) {
            unit.afterRollback.add(action);
        }
    }

    private static void rollback(Unit unit, Throwable failure) {
        for (int i = unit.undo.size() - 1; i >= 0; i--) {
            try {
                unit.undo.get(i).run();
            } catch (RuntimeException | Error e) {
                failure.addSuppressed(e);
            }
        }
        for (Runnable action : unit.afterRollback) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Runs every action; the first exception is thrown after all ran, the others suppressed in it. */
    private static void runAll(List<Runnable> actions) {
        RuntimeException first = null;
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
