package org.crmkit.internal;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Striped locks that serialise a write with the publication of its event, per customer, so that a customer's events
 * reach the sink in the order of its writes. Thread-safe.
 */
public final class KeyLocks {
    private static final int STRIPES = 1024;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public KeyLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Runs {@code action} holding the lock of {@code key}. */
    public <T> T with(Object key, Supplier<T> action) {
        ReentrantLock lock = locks[stripe(key)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} holding the locks of both keys, taken in a fixed order so that no two callers deadlock. */
    public <T> T with(Object first, Object second, Supplier<T> action) {
        int a = stripe(first);
        int b = stripe(second);
        if (a == b) {
            return with(first, action);
        }
        ReentrantLock low = locks[Math.min(a, b)];
        ReentrantLock high = locks[Math.max(a, b)];
        low.lock();
        try {
            high.lock();
            try {
                return action.get();
            } finally {
                high.unlock();
            }
        } finally {
            low.unlock();
        }
    }

    private static int stripe(Object key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}
