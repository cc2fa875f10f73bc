package org.crmkit.memory.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.crmkit.spi.Checks;
import org.crmkit.spi.storage.LockKey;
import org.jspecify.annotations.Nullable;

/**
 * The atomic units of one in-memory storage: striped locks shared by every engine on the storage, and per thread the
 * unit it runs. In-memory stores write at once and register how to undo each write with {@link #undo}; a write that
 * must stay unseen until its unit commits (an outbox message) is {@linkplain #stage staged} instead. A unit that
 * throws runs its undo actions newest first and abandons what it staged; a unit that returns reveals what it staged,
 * in order, before any {@link #afterCommit} action runs. A unit nested in another joins it; if the nested one
 * throws, the whole outermost unit is undone, even when a caller in between catches the exception.
 *
 * <p>Each thread keeps its unit object (and the lists in it, allocated when first needed) from one unit to the next,
 * so a unit allocates nothing of its own once the thread has run one. While the actions registered with
 * {@link #afterCommit} and {@link #afterRollback} run, the thread is in no unit: what they write takes effect at
 * once, and a unit they start is an outermost unit of its own. Thread-safe.
 */
public final class Units {
    private static final int STRIPES = 4096;
    /** Lists longer than this are dropped after a unit instead of being kept for the next one. */
    private static final int KEPT_CAPACITY = 256;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    /** The calling thread's units, one per level of after-actions: see {@link Levels}. */
    private final ThreadLocal<Levels> levels = ThreadLocal.withInitial(Levels::new);

    public Units() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** A write held back until its unit ends: revealed if the unit commits, abandoned if it is undone. */
    public interface Staged {
        /** Makes the write visible; called once, in the order the writes were staged. */
        void commit();

        /** Forgets the write, which was never visible. */
        void abandon();
    }

    /**
     * One thread's units: the one of the current level (running if {@link Unit#active}, else kept for the thread's
     * next unit), and below it those whose after-actions are running (a unit an after-action starts is an outermost
     * unit of its own, one level up). Levels are kept for reuse, so that a thread never sets its thread-local again.
     */
    private static final class Levels {
        private Unit[] units = {new Unit()};
        private int level;

        Unit current() {
            return units[level];
        }

        /** Moves one level up, to a unit not running. */
        void up() {
            level++;
            if (level == units.length) {
                units = Arrays.copyOf(units, level + 1);
                units[level] = new Unit();
            }
        }

        void down() {
            level--;
        }
    }

    /** One thread's unit: the stripes it holds, its undo log, what it staged, its actions. Not thread-safe. */
    private static final class Unit {
        boolean active;
        /** The first exception thrown out of a nested unit: the outermost unit must then be undone. */
        @Nullable Throwable nestedFailure;
        @Nullable ReentrantLock firstLock;
        @Nullable List<ReentrantLock> moreLocks;
        @Nullable List<Runnable> undo;
        @Nullable List<Staged> staged;
        @Nullable List<Runnable> afterCommit;
        @Nullable List<Runnable> afterRollback;

        void hold(ReentrantLock lock) {
            lock.lock();
            if (firstLock == null) {
                firstLock = lock;
            } else {
                if (moreLocks == null) {
                    moreLocks = new ArrayList<>(4);
                }
                moreLocks.add(lock);
            }
        }

        /** Releases every lock the unit holds, the latest first. */
        void releaseLocks() {
            if (moreLocks != null) {
                for (int i = moreLocks.size() - 1; i >= 0; i--) {
                    moreLocks.get(i).unlock();
                }
                moreLocks = kept(moreLocks);
            }
            if (firstLock != null) {
                firstLock.unlock();
                firstLock = null;
            }
        }

        /** Readies the unit for the thread's next one. */
        void reset() {
            active = false;
            nestedFailure = null;
            undo = kept(undo);
            staged = kept(staged);
            afterCommit = kept(afterCommit);
            afterRollback = kept(afterRollback);
        }

        /** The list emptied, or null if it grew too long to keep. */
        private static <E> @Nullable List<E> kept(@Nullable List<E> list) {
            if (list == null || list.size() > KEPT_CAPACITY) {
                return null;
            }
            list.clear();
            return list;
        }
    }

    /** Runs {@code work} as a unit holding {@code locks}; see {@code Storage.atomically}. */
    public <T> T run(Collection<LockKey> locks, Supplier<T> work) {
        Checks.notNull(locks, "locks");
        Checks.notNull(work, "work");
        Levels thread = levels.get();
        Unit unit = thread.current();
        if (unit.active) {
            return nested(unit, locks, work);
        }
        unit.active = true;
        try {
            T result;
            try {
                lock(unit, locks);
                result = work.get();
                if (unit.nestedFailure != null) {
                    throw new IllegalStateException("a nested unit failed, so the unit was undone",
                            unit.nestedFailure);
                }
            } catch (RuntimeException | Error failure) {
                unit.active = false;
                rollback(thread, unit, failure);
                throw failure;
            }
            unit.active = false;
            commit(thread, unit);
            return result;
        } finally {
            unit.releaseLocks();
            unit.reset();
        }
    }

    private <T> T nested(Unit outer, Collection<LockKey> locks, Supplier<T> work) {
        try {
            lock(outer, locks);
            return work.get();
        } catch (RuntimeException | Error failure) {
            if (outer.nestedFailure == null) {
                outer.nestedFailure = failure;
            }
            throw failure;
        }
    }

    /**
     * Takes the stripes of {@code locks} in ascending stripe order (those the unit holds already are re-entered),
     * having checked that none is null.
     */
    private void lock(Unit unit, Collection<LockKey> locks) {
        int n = locks.size();
        if (n == 0) {
            return;
        }
        if (n == 1) {
            LockKey key = locks instanceof List<LockKey> list ? list.get(0) : locks.iterator().next();
            unit.hold(stripes[stripe(Checks.notNull(key, "locks"))]);
            return;
        }
        int[] wanted = new int[n];
        int i = 0;
        for (LockKey key : locks) {
            wanted[i++] = stripe(Checks.notNull(key, "locks"));
        }
        Arrays.sort(wanted);
        for (i = 0; i < n; i++) {
            if (i == 0 || wanted[i] != wanted[i - 1]) {
                unit.hold(stripes[wanted[i]]);
            }
        }
    }

    private static int stripe(LockKey key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }

    /** The calling thread's running unit, or null outside one. */
    private @Nullable Unit running() {
        Unit unit = levels.get().current();
        return unit.active ? unit : null;
    }

    /**
     * Registers how to undo a write just made, if the calling thread runs a unit of these units; outside a unit the
     * write stays, and nothing is registered.
     */
    public void undo(Runnable action) {
        Unit unit = running();
        if (unit != null) {
            if (unit.undo == null) {
                unit.undo = new ArrayList<>();
            }
            unit.undo.add(action);
        }
    }

    /** Holds {@code write} back until the calling thread's unit ends; outside a unit, commits it at once. */
    public void stage(Staged write) {
        Unit unit = running();
        if (unit == null) {
            write.commit();
            return;
        }
        if (unit.staged == null) {
            unit.staged = new ArrayList<>();
        }
        unit.staged.add(write);
    }

    /** Whether the calling thread runs a unit of these units. */
    public boolean inUnit() {
        return running() != null;
    }

    /** Runs {@code action} after the calling thread's unit committed, or now outside a unit. */
    public void afterCommit(Runnable action) {
        Checks.notNull(action, "action");
        Unit unit = running();
        if (unit == null) {
            action.run();
            return;
        }
        if (unit.afterCommit == null) {
            unit.afterCommit = new ArrayList<>();
        }
        unit.afterCommit.add(action);
    }

    /** Runs {@code action} after the calling thread's unit was undone; outside a unit, never. */
    public void afterRollback(Runnable action) {
        Checks.notNull(action, "action");
        Unit unit = running();
        if (unit != null) {
            if (unit.afterRollback == null) {
                unit.afterRollback = new ArrayList<>();
            }
            unit.afterRollback.add(action);
        }
    }

    /** Reveals what the unit staged, then runs its after-commit actions; the first exception of one is thrown. */
    private void commit(Levels thread, Unit unit) {
        if (unit.staged != null) {
            for (Staged write : unit.staged) {
                write.commit();
            }
        }
        Throwable first = runOutside(thread, unit.afterCommit, null);
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    /** Undoes the unit's writes newest first, abandons what it staged, then runs its after-rollback actions. */
    private void rollback(Levels thread, Unit unit, Throwable failure) {
        if (unit.undo != null) {
            for (int i = unit.undo.size() - 1; i >= 0; i--) {
                try {
                    unit.undo.get(i).run();
                } catch (RuntimeException | Error e) {
                    failure.addSuppressed(e);
                }
            }
        }
        if (unit.staged != null) {
            for (Staged write : unit.staged) {
                write.abandon();
            }
        }
        runOutside(thread, unit.afterRollback, failure);
    }

    /**
     * Runs every action with the thread in no unit (a unit an action starts is an outermost one of its own). Each
     * exception is added as suppressed to {@code failure} if given; otherwise the first is returned, the later ones
     * suppressed in it.
     */
    private @Nullable Throwable runOutside(Levels thread, @Nullable List<Runnable> actions,
                                           @Nullable Throwable failure) {
        if (actions == null || actions.isEmpty()) {
            return null;
        }
        Throwable first = failure;
        thread.up();
        try {
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (RuntimeException | Error e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
        } finally {
            thread.down();
        }
        return failure == null ? first : null;
    }
}
