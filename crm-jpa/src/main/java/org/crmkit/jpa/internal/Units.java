package org.crmkit.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import org.crmkit.spi.Checks;
import org.crmkit.spi.storage.LockKey;
import org.jspecify.annotations.Nullable;

/**
 * The units of work of one storage: a unit is one resource-local transaction of one entity manager, bound to the
 * thread that started it. A port operation called inside a unit joins it, under a savepoint, so that one that fails
 * undoes only itself (a database aborts the whole transaction on a failed statement otherwise); called outside a
 * unit it runs in a transaction of its own. Locks are rows of {@code crm_lock}, one per stripe of the lock keys,
 * taken {@code FOR UPDATE} in ascending stripe order, so they hold across every engine on the database and two units
 * never deadlock over them. They are taken in a second transaction, on a second connection, that ends after the
 * unit's after-commit or after-rollback actions: a unit with locks holds two connections of the pool (size it for
 * twice the threads that run units). Thread-safe.
 */
public final class Units {
    /** How many lock rows the schema holds. */
    static final int STRIPES = 4096;
    private static final int MAX_LOCK_ATTEMPTS = 10_000;

    private final EntityManagerFactory factory;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    public Units(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** The unit of the calling thread. */
    private static final class Unit {
        final EntityManager em;
        final TreeSet<Integer> locked = new TreeSet<>();
        final List<Runnable> afterCommit = new ArrayList<>();
        final List<Runnable> afterRollback = new ArrayList<>();
        final Map<String, Consumer<EntityManager>> beforeCommit = new LinkedHashMap<>();
        @Nullable RuntimeException nestedFailure;
        @Nullable RuntimeException failedWrite;
        @Nullable EntityManager lockEm;
        final Map<String, Set<Long>> written = new HashMap<>();

        Unit(EntityManager em) {
            this.em = em;
        }

        /** Ends the lock transaction, which releases the locks. */
        void releaseLocks() {
            if (lockEm != null) {
                try {
                    if (lockEm.getTransaction().isActive()) {
                        lockEm.getTransaction().rollback();
                    }
                } finally {
                    lockEm.close();
                }
            }
        }
    }

    /** Whether the calling thread runs a unit. */
    public boolean inUnit() {
        return current.get() != null;
    }

    /** Runs {@code work} as a unit holding {@code locks}, or joins the calling thread's unit. */
    public <T> T atomically(Collection<LockKey> locks, Supplier<T> work) {
        Checks.noNullElements(locks, "locks");
        Checks.notNull(work, "work");
        Unit unit = current.get();
        if (unit != null) {
            lock(unit, locks);
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                if (unit.nestedFailure == null && e instanceof RuntimeException r) {
                    unit.nestedFailure = r;
                }
                throw e;
            }
        }
        EntityManager em = factory.createEntityManager();
        unit = new Unit(em);
        current.set(unit);
        try {
            em.getTransaction().begin();
            T result;
            try {
                lock(unit, locks);
                result = work.get();
                if (unit.nestedFailure != null) {
                    throw new IllegalStateException("a nested unit failed and its failure was caught",
                            unit.nestedFailure);
                }
                em.flush();
                for (Consumer<EntityManager> action : unit.beforeCommit.values()) {
                    action.accept(em);
                }
                em.flush();
                if (em.getTransaction().getRollbackOnly()) {
                    throw new IllegalStateException("the database refused a write of the unit (its failure was"
                            + " caught), and the provider marked the transaction for rollback", unit.failedWrite);
                }
                em.getTransaction().commit();
            } catch (RuntimeException | Error e) {
                undo(unit, e);
                throw Failures.translate(e);
            }
            current.remove();
            runAll(unit.afterCommit, null);
            return result;
        } finally {
            current.remove();
            em.close();
            unit.releaseLocks();
        }
    }

    /**
     * Runs a port's write: inside the calling thread's unit under a savepoint (undone alone if it throws, the
     * persistence context cleared of what it touched), else in a transaction of its own.
     */
    public <T> T write(Function<EntityManager, T> op) {
        Unit unit = current.get();
        if (unit == null) {
            return atomically(List.of(), () -> write(op));
        }
        EntityManager em = unit.em;
        em.flush();
        Savepoint savepoint = em.<Connection, Savepoint>callWithConnection(Connection::setSavepoint);
        try {
            T result = op.apply(em);
            em.flush();
            return result;
        } catch (RuntimeException e) {
            try {
                em.<Connection>runWithConnection(c -> c.rollback(savepoint));
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            em.clear();
            RuntimeException translated = Failures.translate(e);
            if (unit.failedWrite == null) {
                unit.failedWrite = translated;
            }
            throw translated;
        }
    }

    /**
     * Inserts a row unless one with its key exists, with plain JDBC under a savepoint of the unit's connection (or
     * in a transaction of its own outside a unit): an insert that loses a race to another transaction's is undone
     * alone, without the provider marking the unit for rollback. On PostgreSQL it waits for the other transaction
     * to end first.
     *
     * @param sql    an {@code INSERT} of one row, with {@code ?} parameters
     * @return whether the row was inserted
     */
    public boolean insertIfAbsent(String sql, Object... parameters) {
        return write(em -> {
            em.flush();
            return em.<Connection, Boolean>callWithConnection(c -> {
                Savepoint savepoint = c.setSavepoint();
                try (PreparedStatement insert = c.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.length; i++) {
                        insert.setObject(i + 1, parameters[i]);
                    }
                    insert.executeUpdate();
                    c.releaseSavepoint(savepoint);
                    return true;
                } catch (SQLException e) {
                    c.rollback(savepoint);
                    if (Failures.isUniqueViolation(e)) {
                        return false;
                    }
                    throw e;
                }
            });
        });
    }

    /**
     * Runs a read with an entity manager of its own even inside a unit: for what must not see the unit's own
     * uncommitted writes (outbox messages are not pending before their unit commits).
     */
    public <T> T readApart(Function<EntityManager, T> op) {
        EntityManager em = factory.createEntityManager();
        try {
            return op.apply(em);
        } catch (RuntimeException e) {
            throw Failures.translate(e);
        } finally {
            em.close();
        }
    }

    /** Notes that the calling thread's unit wrote {@code id} of a kind; outside a unit, nothing. */
    public void noteWritten(String kind, long id) {
        Unit unit = current.get();
        if (unit != null) {
            unit.written.computeIfAbsent(kind, k -> new HashSet<>()).add(id);
        }
    }

    /** Whether the calling thread's unit wrote {@code id} of a kind ({@link #noteWritten}). */
    public boolean wroteInUnit(String kind, long id) {
        return writtenInUnit(kind).contains(id);
    }

    /** What the calling thread's unit wrote of a kind; empty outside a unit. */
    public Set<Long> writtenInUnit(String kind) {
        Unit unit = current.get();
        return unit == null ? Set.of() : Set.copyOf(unit.written.getOrDefault(kind, Set.of()));
    }

    /**
     * The row of {@code type} and {@code id}, locked until the unit ends and read as it stands. A missing one is
     * first inserted by {@code insert} ({@link #insertIfAbsent}): of engines making it at once, one inserts and all
     * lock the one row once it committed.
     *
     * @throws IllegalStateException if the row can be neither found nor made after many tries
     */
    public <T> T lockOrInsert(EntityManager em, Class<T> type, Object id, String insert, Object... parameters) {
        for (int attempt = 0; attempt < MAX_LOCK_ATTEMPTS; attempt++) {
            T row = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
            if (row != null) {
                em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
                return row;
            }
            insertIfAbsent(insert, parameters);
            if (attempt > 0) {
                pause();
            }
        }
        throw new IllegalStateException("a row of " + type.getSimpleName() + " could not be made or locked");
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a row to lock", e);
        }
    }

    /** Runs a port's read in the calling thread's unit, or with an entity manager of its own. */
    public <T> T read(Function<EntityManager, T> op) {
        Unit unit = current.get();
        return unit != null ? op.apply(unit.em) : readApart(op);
    }

    /**
     * Registers what must be done last in the calling thread's unit, just before it commits (after its work, every
     * write flushed): once per {@code key}, in the order first registered. For what must follow the commit order,
     * such as the append order of interactions. Outside a unit, does nothing (a port write always runs in one).
     */
    public void beforeCommit(String key, Consumer<EntityManager> action) {
        Unit unit = current.get();
        if (unit != null) {
            unit.beforeCommit.putIfAbsent(key, action);
        }
    }

    /** Registers an action to run after the calling thread's unit committed; with no unit, runs it now. */
    public void afterCommit(Runnable action) {
        Checks.notNull(action, "action");
        Unit unit = current.get();
        if (unit == null) {
            action.run();
        } else {
            unit.afterCommit.add(action);
        }
    }

    /** Registers an action to run after the calling thread's unit was undone; with no unit, never. */
    public void afterRollback(Runnable action) {
        Checks.notNull(action, "action");
        Unit unit = current.get();
        if (unit != null) {
            unit.afterRollback.add(action);
        }
    }

    /**
     * Takes the stripes of {@code locks} the unit does not hold yet, in ascending order, in the unit's lock
     * transaction: a transaction of its own on another connection, so that the locks outlive the unit's commit
     * while its after-commit actions run.
     */
    private void lock(Unit unit, Collection<LockKey> locks) {
        TreeSet<Integer> stripes = new TreeSet<>();
        for (LockKey key : locks) {
            int stripe = stripe(key);
            if (!unit.locked.contains(stripe)) {
                stripes.add(stripe);
            }
        }
        if (stripes.isEmpty()) {
            return;
        }
        if (unit.lockEm == null) {
            unit.lockEm = factory.createEntityManager();
            unit.lockEm.getTransaction().begin();
        }
        for (int stripe : stripes) {
            unit.lockEm.find(LockRow.class, stripe, LockModeType.PESSIMISTIC_WRITE);
            unit.locked.add(stripe);
        }
    }

    /** The stripe of a key: the same in every JVM ({@link String#hashCode} is specified). */
    static int stripe(LockKey key) {
        int h = key.toString().hashCode();
        return Math.floorMod(h ^ (h >>> 16), STRIPES);
    }

    /** Undoes the unit's transaction, then runs its after-rollback actions outside it, its locks still held. */
    private void undo(Unit unit, Throwable cause) {
        try {
            if (unit.em.getTransaction().isActive()) {
                unit.em.getTransaction().rollback();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        current.remove();
        runAll(unit.afterRollback, cause);
    }

    private static void runAll(List<Runnable> actions, @Nullable Throwable failure) {
        RuntimeException first = null;
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
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
