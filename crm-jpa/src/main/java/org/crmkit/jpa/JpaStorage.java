package org.crmkit.jpa;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import org.crmkit.jpa.internal.JpaConsentStore;
import org.crmkit.jpa.internal.JpaCustomerStore;
import org.crmkit.jpa.internal.JpaInteractionStore;
import org.crmkit.jpa.internal.JpaMembershipStore;
import org.crmkit.jpa.internal.JpaOutbox;
import org.crmkit.jpa.internal.JpaScoreStore;
import org.crmkit.jpa.internal.JpaSegmentQuery;
import org.crmkit.jpa.internal.JpaSuppressionStore;
import org.crmkit.jpa.internal.Units;
import org.crmkit.spi.Checks;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.event.EventCodec;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.segment.MembershipStore;
import org.crmkit.spi.segment.SegmentQueryCapability;
import org.crmkit.spi.storage.LockKey;
import org.crmkit.spi.storage.Storage;

/**
 * The crmkit storage on a host's Jakarta Persistence {@link EntityManagerFactory}: every store port of
 * {@code crm-spi}, over a schema made by the migrations this jar ships in {@code db/migration/h2} and
 * {@code db/migration/postgresql} (Flyway's naming; apply them with the host's migration tool, never the provider's
 * DDL). The persistence unit must be resource-local and list the classes of {@link #ENTITY_CLASSES}; its pool needs
 * two connections for every thread that runs a unit with locks.
 *
 * <p>A unit ({@link #atomically}) is one database transaction of one entity manager, bound to the calling thread;
 * its locks are rows of {@code crm_lock} taken {@code FOR UPDATE} in a second transaction that ends after the
 * unit's after-commit or after-rollback actions, so they hold across every engine on the database. A port
 * operation outside a unit is a transaction of its own. The customer, interaction and consent stores offer their
 * erasure capabilities, and the storage evaluates segments in SQL ({@link #capability}).
 *
 * <p>Thread-safe. {@link #close()} leaves a host's factory open: the host owns it and closes it.
 */
public final class JpaStorage implements Storage {
    /** The classes of the entities the persistence unit must list. */
    public static final java.util.List<String> ENTITY_CLASSES = java.util.List.of(
            "org.crmkit.jpa.internal.CustomerEntity", "org.crmkit.jpa.internal.IdentityEntity",
            "org.crmkit.jpa.internal.MergeRecordEntity", "org.crmkit.jpa.internal.LockRow",
            "org.crmkit.jpa.internal.InteractionEntity", "org.crmkit.jpa.internal.InteractionCounter",
            "org.crmkit.jpa.internal.ScoreEntity", "org.crmkit.jpa.internal.MembershipEntity",
            "org.crmkit.jpa.internal.ReviewEntity", "org.crmkit.jpa.internal.OutboxEntity",
            "org.crmkit.jpa.internal.OutboxLease", "org.crmkit.jpa.internal.LedgerEntryEntity",
            "org.crmkit.jpa.internal.ConsentHead", "org.crmkit.jpa.internal.SuppressionEntity",
            "org.crmkit.jpa.internal.SuppressionVersion");

    private final Units units;
    private final CustomerStore customers;
    private final InteractionStore interactions;
    private final ScoreStore scores;
    private final MembershipStore memberships;
    private final Outbox outbox;
    private final ConsentStore consents;
    private final SuppressionStore suppressions;
    private final SegmentQueryCapability segmentQuery;

    private final EntityManagerFactory factory;
    private final boolean owned;

    private JpaStorage(EntityManagerFactory factory, EventCodec events, boolean owned) {
        this.factory = factory;
        this.owned = owned;
        this.units = new Units(factory);
        this.customers = new JpaCustomerStore(units);
        this.interactions = new JpaInteractionStore(units);
        this.scores = new JpaScoreStore(units);
        this.memberships = new JpaMembershipStore(units);
        this.outbox = new JpaOutbox(units, events);
        this.consents = new JpaConsentStore(units);
        this.suppressions = new JpaSuppressionStore(units);
        this.segmentQuery = new JpaSegmentQuery(units);
    }

    /**
     * A persistence unit named {@code crmkit} that lists the entity classes of {@link #ENTITY_CLASSES}: add the JDBC
     * properties (and any of the provider's) and create the factory. A new, mutable configuration each call.
     */
    public static PersistenceConfiguration persistenceUnit() {
        PersistenceConfiguration unit = new PersistenceConfiguration("crmkit");
        for (String name : ENTITY_CLASSES) {
            try {
                unit.managedClass(Class.forName(name));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("an entity class of crm-jpa is missing: " + name, e);
            }
        }
        return unit;
    }

    /**
     * The storage over the factory's persistence unit; the host keeps owning the factory.
     *
     * @param events how the outbox keeps events as text: {@code CrmJson.create().eventCodec()} of {@code crm-core}
     */
    public static JpaStorage of(EntityManagerFactory factory, EventCodec events) {
        return new JpaStorage(Checks.notNull(factory, "factory"), Checks.notNull(events, "events"), false);
    }

    /** A storage that closes the factory with itself: what {@link JpaStorageProvider} opens. */
    static JpaStorage owning(EntityManagerFactory factory, EventCodec events) {
        return new JpaStorage(factory, events, true);
    }

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
        return suppressions;
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

    /**
     * Besides the ports' capabilities, {@link SegmentQueryCapability}: segments evaluated by the database in one
     * query, except those reading scores, host functions or regular expressions, which it refuses (see
     * {@link SegmentQueryCapability#refusal}) and the engine evaluates in memory.
     */
    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == SegmentQueryCapability.class) {
            return Optional.of(type.cast(segmentQuery));
        }
        return Storage.super.capability(type);
    }

    @Override
    public <T> T atomically(Collection<LockKey> locks, Supplier<T> work) {
        return units.atomically(locks, work);
    }

    @Override
    public void afterCommit(Runnable action) {
        units.afterCommit(action);
    }

    @Override
    public void afterRollback(Runnable action) {
        units.afterRollback(action);
    }

    /** Closes the factory if the storage was opened by {@link JpaStorageProvider}; a host's factory stays open. */
    @Override
    public void close() {
        if (owned && factory.isOpen()) {
            factory.close();
        }
    }
}
