package org.crmkit.spi.storage;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.crmkit.spi.Capable;
import org.crmkit.spi.Checks;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.segment.MembershipStore;

/**
 * Every piece of crmkit's durable state, behind one object: the stores of customers, interactions, the consent
 * ledger, the suppression list, scores, segment memberships and the outbox of domain events. A
 * {@link StorageProvider} opens one from configuration (or the host builds one itself); the host closes it. Prove an
 * implementation with {@code org.crmkit.spi.tck.StorageContract}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>One storage, several engines.</b> Several {@code Crm} instances, in one process or in several, may share
 *       one storage (or storages over the same database): each answers from it, so what one writes the others see.
 *       Locks taken by {@link #atomically} hold across all of them.</li>
 *   <li><b>Units.</b> {@link #atomically} makes writes through several ports one atomic unit: the change and the
 *       outbox entry of its event commit together or not at all.</li>
 *   <li><b>Capabilities.</b> {@link #capability} answers for the storage and for each of its ports, so an engine
 *       asks the storage whether anything in it can, say, evaluate segments
 *       ({@link org.crmkit.spi.segment.SegmentQueryCapability}).</li>
 *   <li><b>Growth.</b> New kinds of state (campaign deliveries, scenario positions, …) arrive as new ports; a
 *       storage that predates one answers the port's accessor with
 *       {@link org.crmkit.spi.UnsupportedCapabilityException}, and the engine that needs it refuses to start.</li>
 *   <li><b>Thread safety.</b> Implementations are thread-safe; every port is. After {@link #close()} nothing may be
 *       called.</li>
 * </ul>
 */
public interface Storage extends Capable, AutoCloseable {
    CustomerStore customers();

    InteractionStore interactions();

    /** The consent ledger. */
    ConsentStore consents();

    /** The do-not-contact list. */
    SuppressionStore suppressions();

    ScoreStore scores();

    /** The segment memberships kept by incremental tracking. */
    MembershipStore memberships();

    /** The domain events waiting to be delivered. */
    Outbox outbox();

    /**
     * Runs {@code work} as one atomic unit, holding exclusive locks on {@code locks}, and returns what it returned.
     *
     * <ul>
     *   <li><b>Atomicity.</b> Every write made through this storage's ports on the calling thread while
     *       {@code work} runs takes effect when it returns, or none does when it throws: the exception propagates
     *       and the writes are undone. A write that itself throws has changed nothing, so {@code work} may catch
     *       its exception (say an optimistic conflict) and go on.</li>
     *   <li><b>Locks</b> are exclusive across every engine sharing the storage, in this process and in others, and
     *       held until the outermost unit ends. They are taken in ascending {@link LockKey} order, so two units
     *       never deadlock over them. A lock is reentrant.</li>
     *   <li><b>Nesting.</b> A unit started inside another on the same thread joins it: its writes commit or are
     *       undone with the outer unit. If it throws, the outermost unit is undone even when a caller in between
     *       catches the exception: the outermost {@code atomically} then throws {@link IllegalStateException} with
     *       the nested unit's exception as its cause. A nested unit may name locks the outer unit holds; naming
     *       others risks a deadlock (they are taken after the outer unit's), so an engine names every lock it needs
     *       in the outermost unit.</li>
     *   <li><b>Isolation</b> is the implementation's: a database gives its transaction isolation; the in-memory
     *       storage makes a unit's writes visible to other threads as they happen and undoes them on failure. Other
     *       writers of what a unit locks are kept out by its locks. Outbox messages are the exception everywhere:
     *       none is pending before its unit committed (see {@link Outbox}).</li>
     *   <li>Actions registered with {@link #afterCommit} run once the outermost unit committed, and those
     *       registered with {@link #afterRollback} once it was undone, on the calling thread, while the locks are
     *       still held. They run outside the unit: what they write takes effect at once.</li>
     * </ul>
     *
     * @param locks what to lock; may be empty
     * @param work  the unit's work
     * @throws org.crmkit.spi.ValidationException if an argument is null (or one of the locks is)
     * @throws IllegalStateException              if a nested unit threw and {@code work} caught it
     */
    <T> T atomically(Collection<LockKey> locks, Supplier<T> work);

    /** {@link #atomically(Collection, Supplier)} without a result. */
    default void atomically(Collection<LockKey> locks, Runnable work) {
        Checks.notNull(work, "work");
        atomically(locks, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code action} when the calling thread's outermost unit has committed; outside a unit, at once. Actions
     * run in the order registered; an exception from one reaches the caller of the unit after the others ran (the
     * unit stays committed). For what an engine keeps in memory about the writes it made in the unit.
     */
    void afterCommit(Runnable action);

    /**
     * Runs {@code action} when the calling thread's outermost unit has been undone; outside a unit, never. Actions
     * run in the order registered; an exception from one is added as suppressed to the exception that undid the
     * unit. For an engine that updated its memory ahead of the commit and must now forget it.
     */
    void afterRollback(Runnable action);

    /**
     * The capability of the storage itself or, failing that, of the first of its ports that offers it (customers,
     * interactions, consents, suppressions, scores, memberships, outbox).
     */
    @Override
    default <T> Optional<T> capability(Class<T> type) {
        Checks.notNull(type, "type");
        if (type.isInstance(this)) {
            return Optional.of(type.cast(this));
        }
        for (Capable port : List.of(customers(), interactions(), consents(), suppressions(), scores(),
                memberships(), outbox())) {
            Optional<T> offered = port.capability(type);
            if (offered.isPresent()) {
                return offered;
            }
        }
        return Optional.empty();
    }

    /** Releases what the storage holds (connections, threads). Idempotent. */
    @Override
    void close();
}
