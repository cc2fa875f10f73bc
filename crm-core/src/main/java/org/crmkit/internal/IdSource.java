package org.crmkit.internal;

import java.util.SplittableRandom;
import java.util.UUID;

import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.interaction.InteractionId;

/**
 * Generates ids from one seeded random stream, so that a run with the same seed and the same calls produces the same
 * ids. Thread-safe (calls are serialised).
 */
public final class IdSource {
    private final SplittableRandom random;

    public IdSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public synchronized CustomerId customerId() {
        return CustomerId.of("c-" + hex16(random.nextLong()));
    }

    public synchronized InteractionId interactionId() {
        return InteractionId.of("i-" + hex16(random.nextLong()));
    }

    /** A random (version 4, IETF variant) UUID. */
    public synchronized EventId eventId() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return EventId.of(new UUID(msb, lsb));
    }

    /** A token naming this engine's event relay among the engines sharing a storage. */
    public synchronized String relayOwner() {
        return "relay-" + hex16(random.nextLong());
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
