package org.crmkit.jpa.internal;

import java.time.Instant;

import org.crmkit.spi.ValidationException;

/**
 * Instants as the schema keeps them: nanoseconds since the epoch in a {@code BIGINT}, exact and compared as numbers.
 * That covers 1677-09-21 to 2262-04-11; a stored instant outside is refused, naming its field. Arguments of queries
 * are clamped instead (an {@code Instant.MAX} bound means "no bound").
 */
final class Nanos {
    private static final Instant MIN = Instant.ofEpochSecond(-9_223_372_036L);
    private static final Instant MAX = Instant.ofEpochSecond(9_223_372_036L, 854_775_807);

    private Nanos() {
    }

    /** The instant to store, in nanoseconds. */
    static long of(Instant at, String field) {
        if (at.isBefore(MIN) || at.isAfter(MAX)) {
            throw new ValidationException(field, "is outside 1677-09-21 to 2262-04-11, the instants the store keeps");
        }
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    /** A bound of a query, in nanoseconds, clamped to what the store keeps. */
    static long bound(Instant at) {
        return at.isBefore(MIN) ? Long.MIN_VALUE : at.isAfter(MAX) ? Long.MAX_VALUE : of(at, "at");
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
