package org.crmkit.testing;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.crmkit.spi.storage.ForwardingStorage;
import org.crmkit.spi.storage.LockKey;
import org.crmkit.spi.storage.Storage;

/**
 * A storage that checks the rule of {@link Storage#atomically} on nested units: a unit started inside another names
 * only locks the outer unit holds. It records each unit that breaks it in {@link #broken}, and otherwise forwards.
 * After-commit and after-rollback actions run outside the unit, as the storage runs them. Thread-safe.
 */
public final class LockRuleStorage extends ForwardingStorage {
    /** Each nested unit that named a lock its outer unit did not hold, and what the outer unit held. */
    public final List<String> broken = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Deque<Set<LockKey>>> held = ThreadLocal.withInitial(ArrayDeque::new);

    public LockRuleStorage(Storage storage) {
        super(storage);
    }

    @Override
    public <T> T atomically(Collection<LockKey> locks, Supplier<T> work) {
        Deque<Set<LockKey>> units = held.get();
        Set<LockKey> holding = new HashSet<>(locks);
        if (!units.isEmpty()) {
            if (!units.peek().containsAll(locks)) {
                broken.add(locks + " inside a unit holding " + units.peek());
            }
            holding.addAll(units.peek());
        }
        units.push(holding);
        try {
            return super.atomically(locks, work);
        } finally {
            units.pop();
        }
    }

    /** After-commit actions run outside the unit: a unit they start is an outermost one of its own. */
    @Override
    public void afterCommit(Runnable action) {
        super.afterCommit(() -> outside(action));
    }

    @Override
    public void afterRollback(Runnable action) {
        super.afterRollback(() -> outside(action));
    }

    private void outside(Runnable action) {
        Deque<Set<LockKey>> units = held.get();
        held.set(new ArrayDeque<>());
        try {
            action.run();
        } finally {
            held.set(units);
        }
    }
}
