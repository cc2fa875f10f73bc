package org.crmkit.memory;

import java.util.List;
import java.util.Optional;

import org.crmkit.memory.internal.InteractionPartition;
import org.crmkit.memory.internal.Partitions;
import org.crmkit.memory.internal.SubjectCursor;
import org.crmkit.memory.internal.Units;
import org.crmkit.spi.Checks;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.AppendResult;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionErasure;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.Subject;

/**
 * An {@link InteractionStore} on the heap; it also supports {@link InteractionErasure}.
 *
 * <p>Thread-safe. Each tenant has its own read-write lock: reads of one tenant run in parallel, writes of one tenant
 * are serialised. Storage is compact (an append-only log of the interactions, indexed by id and by idempotency key
 * through open-addressing int tables, and per subject by a sorted int list), so ten million interactions take little
 * more than the interaction objects themselves. Reads by subject binary-search their start. Nothing is persisted;
 * erased interactions leave an empty slot behind.
 *
 * <p>Inside a unit of its {@link InMemoryStorage}, every write (append, reassign, erase) is undone exactly if the
 * unit fails (an undone append leaves an empty slot); an erasure's undo keeps what it removed until the unit ends.
 */
public final class InMemoryInteractionStore implements InteractionStore, InteractionErasure {
    private final Partitions<InteractionPartition> partitions;

    /** A store of its own, outside any storage's units. */
    public InMemoryInteractionStore() {
        this(new Units());
    }

    /** A store of a storage whose units undo its writes. */
    InMemoryInteractionStore(Units units) {
        this.partitions = new Partitions<>(() -> new InteractionPartition(units));
    }

    @Override
    public AppendResult append(Interaction interaction) {
        Checks.notNull(interaction, "interaction");
        return partitions.of(interaction.tenant()).append(interaction);
    }

    @Override
    public Optional<Interaction> findById(TenantId tenant, InteractionId id) {
        Checks.notNull(id, "id");
        return partitions.existing(tenant).flatMap(p -> p.findById(id));
    }

    @Override
    public Optional<Interaction> findByExternalId(TenantId tenant, String source, String externalId) {
        Checks.notNull(source, "source");
        Checks.notNull(externalId, "externalId");
        return partitions.existing(tenant).flatMap(p -> p.findByKey(source, externalId));
    }

    @Override
    public Page<Interaction> find(TenantId tenant, Subject subject, InteractionQuery query) {
        Checks.notNull(subject, "subject");
        Checks.notNull(query, "query");
        Optional<SubjectCursor> after = query.after().map(SubjectCursor::parse);
        return partitions.existing(tenant).map(p -> p.find(subject, query, after)).orElse(Page.last(List.of()));
    }

    @Override
    public int reassign(TenantId tenant, Subject from, CustomerId to) {
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        return partitions.existing(tenant).map(p -> p.reassign(from, Subject.customer(to))).orElse(0);
    }

    @Override
    public Page<Interaction> scan(TenantId tenant, Optional<String> after, int limit) {
        Checks.notNull(after, "after");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        int from = after.map(InMemoryInteractionStore::slotCursor).orElse(-1);
        return partitions.existing(tenant).map(p -> p.scan(from, limit)).orElse(Page.last(List.of()));
    }

    private static int slotCursor(String after) {
        try {
            int slot = Integer.parseInt(after);
            if (slot >= 0) {
                return slot;
            }
        } catch (NumberFormatException e) {
            // reported below, with the field that is wrong
        }
        throw new ValidationException("after", "is not a cursor of this store");
    }

    @Override
    public long count(TenantId tenant) {
        return partitions.existing(tenant).map(InteractionPartition::count).orElse(0L);
    }

    @Override
    public int erase(TenantId tenant, Subject subject) {
        Checks.notNull(subject, "subject");
        return partitions.existing(tenant).map(p -> p.erase(subject)).orElse(0);
    }
}
