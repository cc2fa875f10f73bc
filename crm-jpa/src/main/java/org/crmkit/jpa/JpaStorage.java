package org.crmkit.jpa;

import java.util.Collection;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;
import org.crmkit.jpa.internal.JpaCustomerStore;
import org.crmkit.jpa.internal.JpaInteractionStore;
import org.crmkit.jpa.internal.JpaMembershipStore;
import org.crmkit.jpa.internal.JpaScoreStore;
import org.crmkit.jpa.internal.Units;
import org.crmkit.spi.Checks;
import org.crmkit.spi.UnsupportedCapabilityException;
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
 * The crmkit storage on a host's Jakarta Persistence {@link EntityManagerFactory}, over a schema made by the
 * migrations this jar ships in {@code db/migration/h2} and {@code db/migration/postgresql} (Flyway's naming; apply
 * them with the host's migration tool). The persistence unit must be resource-local and list the entity classes of
 * {@link #ENTITY_CLASSES}.
 *
 * <p>A unit ({@link #atomically}) is one database transaction of one entity manager, bound to the calling thread;
 * its locks are rows of {@code crm_lock} taken {@code FOR UPDATE}, so they hold across every engine on the database.
 * A port operation outside a unit is a transaction of its own. The ports built so far: customers and interactions (with erasure), scores and memberships. The
 * others answer {@link UnsupportedCapabilityException} until they arrive (issue 11). Thread-safe; the host closes
 * its factory after {@link #close()}.
 */
public final class JpaStorage implements Storage {
    /** The classes of the entities the persistence unit must list. */
    public static final java.util.List<String> ENTITY_CLASSES = java.util.List.of(
            "org.crmkit.jpa.internal.CustomerEntity", "org.crmkit.jpa.internal.IdentityEntity",
            "org.crmkit.jpa.internal.MergeRecordEntity", "org.crmkit.jpa.internal.LockRow",
            "org.crmkit.jpa.internal.InteractionEntity", "org.crmkit.jpa.internal.InteractionCounter",
            "org.crmkit.jpa.internal.ScoreEntity", "org.crmkit.jpa.internal.MembershipEntity",
            "org.crmkit.jpa.internal.ReviewEntity");

    private final Units units;
    private final CustomerStore customers;
    private final InteractionStore interactions;
    private final ScoreStore scores;
    private final MembershipStore memberships;

    private JpaStorage(EntityManagerFactory factory) {
        this.units = new Units(factory);
        this.customers = new JpaCustomerStore(units);
        this.interactions = new JpaInteractionStore(units);
        this.scores = new JpaScoreStore(units);
        this.memberships = new JpaMembershipStore(units);
    }

    /** The storage over the factory's persistence unit; the host keeps owning the factory. */
    public static JpaStorage of(EntityManagerFactory factory) {
        return new JpaStorage(Checks.notNull(factory, "factory"));
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
        throw missing("consents");
    }

    @Override
    public SuppressionStore suppressions() {
        throw missing("suppressions");
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
        throw missing("outbox");
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

    @Override
    public void close() {
    }

    private static UnsupportedCapabilityException missing(String port) {
        return new UnsupportedCapabilityException("the JPA storage's " + port + " port");
    }
}
