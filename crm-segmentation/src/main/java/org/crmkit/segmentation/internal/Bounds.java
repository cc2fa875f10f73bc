package org.crmkit.segmentation.internal;

import java.util.Optional;

import org.crmkit.spi.segment.Window;

/**
 * Where a compiled aggregate finds its window's bounds among the values {@link WindowTable#starts} gives: the start
 * (none: no lower bound) and, for a calendar window, the end (none: no upper bound).
 *
 * @param start the index of the start, or -1
 * @param end   the index of the end, or -1
 */
record Bounds(int start, int end) {
    /** The bounds of {@code window}, registered in {@code windows}. */
    static Bounds of(Optional<Window> window, WindowTable windows) {
        if (window.isEmpty()) {
            return new Bounds(-1, -1);
        }
        Window w = window.get();
        return new Bounds(windows.index(w), w.calendar().isPresent() ? windows.endIndex(w) : -1);
    }

    /** The first instant inside, in epoch milliseconds. */
    long from(long[] values) {
        return start < 0 ? Long.MIN_VALUE : values[start];
    }

    /** The first instant after, in epoch milliseconds. */
    long until(long[] values) {
        return end < 0 ? Long.MAX_VALUE : values[end];
    }
}
