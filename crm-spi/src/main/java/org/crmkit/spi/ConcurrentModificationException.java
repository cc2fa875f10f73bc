package org.crmkit.spi;

import static java.util.Objects.requireNonNull;

/**
 * An optimistic-locking conflict: a write carried {@link #expectedVersion()} but the stored version is
 * {@link #actualVersion()}. Nothing was written; re-read, re-apply and retry.
 *
 * <p>Not to be confused with {@link java.util.ConcurrentModificationException}, which is about iterators.
 */
public class ConcurrentModificationException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;
    private final long expectedVersion;
    private final long actualVersion;

    public ConcurrentModificationException(String kind, String id, long expectedVersion, long actualVersion) {
        super(requireNonNull(kind, "kind") + " " + requireNonNull(id, "id") + ": expected version " + expectedVersion
                + " but the stored version is " + actualVersion);
        this.kind = kind;
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    /** The version the rejected write was based on. */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version found in the store when the write was attempted. */
    public long actualVersion() {
        return actualVersion;
    }
}
