package org.crmkit.spi.segment;

/**
 * Hears who entered or left a segment, from the incremental segment evaluator. The engine (crm-core) bridges it to
 * the {@link org.crmkit.spi.event.EventSink}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Called once per change, on the thread that reported the interaction or profile change, after the membership
 *       was updated.</li>
 *   <li>Changes about one customer arrive in the order they happened; changes about different customers may
 *       interleave.</li>
 *   <li>Implementations must be thread-safe and should not throw; an exception propagates to the caller that
 *       reported the change, and the membership stays updated.</li>
 * </ul>
 */
@FunctionalInterface
public interface SegmentMembershipListener {
    /** A listener that ignores every change. */
    SegmentMembershipListener NONE = change -> { };

    void changed(SegmentChange change);
}
