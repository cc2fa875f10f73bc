package org.crmkit.consent.internal;

import java.time.Clock;
import java.util.function.Supplier;

import org.crmkit.consent.DecisionListener;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.storage.Storage;

/**
 * What every tenant ledger of one engine shares: the storage (its ledger, list, outbox and units), the clock, how
 * stale the engine's memory of the storage may grow (in milliseconds of the clock; 0 reads through), the salts of
 * new entries, the ids of domain events and who hears of changed decisions. Immutable and thread-safe.
 */
public record Seam(Storage storage, Clock clock, long stalenessMillis, Salts salts, Supplier<EventId> eventIds,
                   DecisionListener listener) {
}
