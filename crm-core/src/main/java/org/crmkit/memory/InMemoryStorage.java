package org.crmkit.memory;

import java.util.Collection;
import java.util.function.Supplier;

import org.crmkit.memory.internal.Units;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.segment.MembershipStore;
import org.crmkit.spi.storage.LockKey;
import org.crmkit.spi.storage.Storage;

/**
 * Every store on the heap, as one {@link Storage}: the default of {@code Crm.builder()}, and a storage several
 * {@code Crm} instances of one process can share (they then see each other's writes at once, as engines on one
 * database would after their staleness bound).
 *
 * <p><b>Units</b> ({@link #atomically}) hold striped locks shared by every engine on this storage (4,096 stripes:
 * two keys may share one, which serialises their units but never deadlocks them) and keep an undo log: each store
 * write takes effect at once (other threads see it: there is no isolation), and if the unit throws, its writes are
 * undone exactly, newest first. Outbox messages are the exception: they become pending when the unit commits,
 * before its after-commit actions run. A unit nested in another joins it; if the nested one throws, the outermost
 * unit is undone whatever its caller does with the exception, and throws {@link IllegalStateException}. Once a
 * thread has run a unit, its next units allocate nothing of their own.
 *
 * <p>Thread-safe. Nothing is persisted; {@link #close()} does nothing and the storage stays usable.
 */
public final class InMemoryStorage implements Storage {
    private final Units units = new Units();
    private final InMemoryCustomerStore customers = new InMemoryCustomerStore(units);
    private final InMemoryInteractionStore interactions = new InMemoryInteractionStore(units);
    private final InMemoryConsentStore consents = new InMemoryConsentStore(units);
    private final InMemoryScoreStore scores = new InMemoryScoreStore(units);
    private final InMemoryMembershipStore memberships = new InMemoryMembershipStore(units);
    private final InMemoryOutbox outbox = new InMemoryOutbox(units);

    @Override
    public CustomerStore customers() {
        return customers;
    }

    @Override
    public InteractionStore interactions() {
        return interactions;
    }

    @Override
    public ConsentStore consents() {
        return consents;
    }

    @Override
    public SuppressionStore suppressions() {
        return consents;
    }

    @Override
    public ScoreStore scores() {
        return scores;
    }

    @Override
    public MembershipStore memberships() {
        return memberships;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public <T> T atomically(Collection<LockKey> locks, Supplier<T> work) {
        return units.run(locks, work);
    }

    @Override
    public void afterCommit(Runnable action) {
        units.afterCommit(action);
    }

    @Override
    public void afterRollback(Runnable action) {
        units.afterRollback(action);
    }

    @Override
    public void close() {
    }
}
