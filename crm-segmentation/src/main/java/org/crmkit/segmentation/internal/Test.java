package org.crmkit.segmentation.internal;

/** A compiled condition: decides one customer. Stateless and thread-safe. */
@FunctionalInterface
public interface Test {
    /**
     * @param customer the customer
     * @param starts   the start (epoch milliseconds) of every window of the {@link WindowTable} the test was
     *                 compiled with, as {@link WindowTable#starts} gives them
     */
    boolean test(SnapshotData customer, long[] starts);
}
