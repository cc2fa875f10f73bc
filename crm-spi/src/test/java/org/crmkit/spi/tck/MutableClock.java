package org.crmkit.spi.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock tests move by hand, for the engines' and the hosts' tests alike (the engines take time from an injected
 * {@link Clock}). Thread-safe: a move is seen by every thread that reads the clock after it.
 */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock for UTC; no other zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("a MutableClock is in UTC only, not " + zone);
        }
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
