package org.crmkit.jpa.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.crmkit.spi.Checks;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.AppendResult;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionErasure;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;

/**
 * The interaction store on Jakarta Persistence: rows of {@code crm_interaction}, unique by id and by idempotency key
 * within a tenant, read by subject in time order through an index, scanned in append order by {@code seq}
 * ({@link InteractionSequencer}). Offers {@link InteractionErasure}. Thread-safe.
 *
 * <p>An append, single or a batch, reads what the store holds under its keys and ids with a few {@code IN} queries,
 * works out each result in memory ({@link AppendPlan}), and inserts the new rows with JDBC batches
 * ({@link InteractionInserts}) under a savepoint of the unit, their row ids from {@link InteractionRowIds}. If another
 * transaction committed one of the keys or ids after the reads, the insert hits the unique constraint: the savepoint
 * is rolled back and the batch planned again, now seeing the winner's row, which it answers as the duplicate; after a
 * few lost races the interactions are appended one at a time. So racing appenders end with one row per key, and no
 * unit fails for having lost. Outside a unit a batch is a transaction of its own, so all or nothing.
 */
public final class JpaInteractionStore implements InteractionStore, InteractionErasure {
    /** How many times a batch is planned and inserted before its interactions are appended one at a time. */
    private static final int ATTEMPTS = 3;

    private final Units units;
    private final InteractionRowIds rowIds = new InteractionRowIds();

    public JpaInteractionStore(Units units) {
        this.units = units;
    }

    @Override
    public AppendResult append(Interaction interaction) {
        Checks.notNull(interaction, "interaction");
        return appendAll(List.of(interaction)).get(0);
    }

    @Override
    public List<AppendResult> appendAll(List<Interaction> batch) {
        List<Interaction> interactions = List.copyOf(Checks.noNullElements(batch, "batch"));
        if (interactions.isEmpty()) {
            return List.of();
        }
        return units.inUnit() ? appendInUnit(interactions)
                : units.atomically(List.of(), () -> appendInUnit(interactions));
    }

    private List<AppendResult> appendInUnit(List<Interaction> batch) {
        return attempt(batch).orElseGet(() -> {
            List<AppendResult> results = new ArrayList<>(batch.size());
            for (Interaction interaction : batch) {
                results.add(attempt(List.of(interaction)).orElseThrow(() -> new DuplicateKeyException(
                        "interaction id " + interaction.id() + " or its idempotency key",
                        "a concurrent append this transaction cannot see")).get(0));
            }
            return List.copyOf(results);
        });
    }

    /** Plans and inserts the batch, again as long as another transaction wins a race for one of its keys or ids. */
    private Optional<List<AppendResult>> attempt(List<Interaction> batch) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return Optional.of(units.write(em -> {
                    AppendPlan plan = AppendPlan.of(em, batch);
                    if (!plan.appended().isEmpty()) {
                        insert(em, plan.appended());
                    }
                    return plan.results();
                }));
            } catch (LostRace lost) {
                // the unit's write was rolled back to its savepoint; the next plan sees the winner's rows
            }
        }
        return Optional.empty();
    }

    private void insert(EntityManager em, List<Interaction> appended) {
        List<InteractionEntity> rows = appended.stream().map(InteractionMapper::row).toList();
        boolean inserted = em.<Connection, Boolean>callWithConnection(c -> {
            long[] ids = rowIds.take(c, rows.size());
            for (int i = 0; i < ids.length; i++) {
                rows.get(i).rowId = ids[i];
            }
            return InteractionInserts.insert(c, rows);
        });
        if (!inserted) {
            throw new LostRace();
        }
        appended.stream().map(i -> i.tenant().value()).distinct()
                .forEach(tenant -> InteractionSequencer.register(units, tenant));
    }

    /** An insert found a key or an id taken by a transaction that committed after the plan read the store. */
    private static final class LostRace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostRace() {
            super("an idempotency key or id was taken meanwhile", null, false, false);
        }
    }

    @Override
    public Optional<Interaction> findById(TenantId tenant, InteractionId id) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(id, "id");
        return units.read(em -> byId(em, tenant.value(), id.value()).map(InteractionMapper::read));
    }

    @Override
    public Optional<Interaction> findByExternalId(TenantId tenant, String source, String externalId) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(source, "source");
        Checks.notNull(externalId, "externalId");
        return units.read(em -> byKey(em, tenant.value(), source, externalId).map(InteractionMapper::read));
    }

    @Override
    public Page<Interaction> find(TenantId tenant, Subject subject, InteractionQuery query) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(subject, "subject");
        Checks.notNull(query, "query");
        boolean newest = query.order() == InteractionQuery.Order.NEWEST_FIRST;
        Optional<Position> after = query.after().map(Position::parse);
        StringBuilder jpql = new StringBuilder("select r from InteractionEntity r where r.tenant = :tenant"
                + " and r.subjectKind = :kind and r.subjectId = :subject");
        if (!query.channels().isEmpty()) {
            jpql.append(" and r.channel in :channels");
        }
        if (!query.types().isEmpty()) {
            jpql.append(" and r.type in :types");
        }
        query.from().ifPresent(f -> jpql.append(" and r.occurredNs >= :from"));
        query.until().ifPresent(u -> jpql.append(" and r.occurredNs < :until"));
        String cmp = newest ? "<" : ">";
        after.ifPresent(a -> jpql.append(" and (r.occurredNs ").append(cmp).append(" :afterNs or (r.occurredNs = :afterNs"
                + " and r.interactionId ").append(cmp).append(" :afterId))"));
        String direction = newest ? " desc" : " asc";
        jpql.append(" order by r.occurredNs").append(direction).append(", r.interactionId").append(direction);
        return units.read(em -> {
            TypedQuery<InteractionEntity> q = em.createQuery(jpql.toString(), InteractionEntity.class)
                    .setParameter("tenant", tenant.value())
                    .setParameter("kind", InteractionMapper.kind(subject))
                    .setParameter("subject", InteractionMapper.id(subject));
            if (!query.channels().isEmpty()) {
                q.setParameter("channels", query.channels().stream().map(Channel::name).toList());
            }
            if (!query.types().isEmpty()) {
                q.setParameter("types", query.types().stream().map(InteractionType::name).toList());
            }
            query.from().ifPresent(f -> q.setParameter("from", Nanos.bound(f)));
            query.until().ifPresent(u -> q.setParameter("until", Nanos.bound(u)));
            after.ifPresent(a -> q.setParameter("afterNs", a.nanos()).setParameter("afterId", a.id()));
            List<InteractionEntity> rows = q.setMaxResults(query.limit() + 1).getResultList();
            List<Interaction> page = new ArrayList<>(Math.min(rows.size(), query.limit()));
            for (int i = 0; i < rows.size() && i < query.limit(); i++) {
                page.add(InteractionMapper.read(rows.get(i)));
            }
            if (rows.size() <= query.limit()) {
                return Page.last(page);
            }
            Interaction last = page.get(page.size() - 1);
            return new Page<>(page, Optional.of(Nanos.of(last.occurredAt(), "occurredAt") + ":" + last.id().value()));
        });
    }

    @Override
    public int reassign(TenantId tenant, Subject from, CustomerId to) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(from, "from");
        Checks.notNull(to, "to");
        return units.write(em -> {
            int moved = em.createQuery("update InteractionEntity r set r.subjectKind = :toKind, r.subjectId = :to"
                            + " where r.tenant = :tenant and r.subjectKind = :kind and r.subjectId = :subject")
                    .setParameter("toKind", InteractionMapper.KNOWN).setParameter("to", to.value())
                    .setParameter("tenant", tenant.value()).setParameter("kind", InteractionMapper.kind(from))
                    .setParameter("subject", InteractionMapper.id(from)).executeUpdate();
            em.clear();
            return moved;
        });
    }

    @Override
    public Page<Interaction> scan(TenantId tenant, Optional<String> after, int limit) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(after, "after");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        long from = after.map(JpaInteractionStore::seqCursor).orElse(0L);
        return units.read(em -> {
            List<InteractionEntity> rows = em.createQuery("select r from InteractionEntity r where r.tenant = :tenant"
                            + " and r.seq > :after order by r.seq", InteractionEntity.class)
                    .setParameter("tenant", tenant.value()).setParameter("after", from)
                    .setMaxResults(limit + 1).getResultList();
            List<Interaction> page = new ArrayList<>(Math.min(rows.size(), limit));
            for (int i = 0; i < rows.size() && i < limit; i++) {
                page.add(InteractionMapper.read(rows.get(i)));
            }
            return rows.size() > limit ? new Page<>(page, Optional.of(Long.toString(rows.get(limit - 1).seq)))
                    : Page.last(page);
        });
    }

    @Override
    public long count(TenantId tenant) {
        Checks.notNull(tenant, "tenant");
        return units.read(em -> em.createQuery("select count(r) from InteractionEntity r where r.tenant = :tenant",
                Long.class).setParameter("tenant", tenant.value()).getSingleResult());
    }

    @Override
    public int erase(TenantId tenant, Subject subject) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(subject, "subject");
        return units.write(em -> {
            List<InteractionEntity> rows = em.createQuery("select r from InteractionEntity r where r.tenant = :tenant"
                            + " and r.subjectKind = :kind and r.subjectId = :subject", InteractionEntity.class)
                    .setParameter("tenant", tenant.value()).setParameter("kind", InteractionMapper.kind(subject))
                    .setParameter("subject", InteractionMapper.id(subject)).getResultList();
            rows.forEach(em::remove);
            return rows.size();
        });
    }

    private static Optional<InteractionEntity> byKey(EntityManager em, String tenant, String source, String key) {
        return em.createQuery("select r from InteractionEntity r where r.tenant = :tenant and r.source = :source"
                        + " and r.externalId = :key", InteractionEntity.class)
                .setParameter("tenant", tenant).setParameter("source", source).setParameter("key", key)
                .getResultStream().findFirst();
    }

    private static Optional<InteractionEntity> byId(EntityManager em, String tenant, String id) {
        return em.createQuery("select r from InteractionEntity r where r.tenant = :tenant and r.interactionId = :id",
                        InteractionEntity.class)
                .setParameter("tenant", tenant).setParameter("id", id).getResultStream().findFirst();
    }

    private static long seqCursor(String after) {
        try {
            long seq = Long.parseLong(after);
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ValidationException("after", "is not a cursor of this store");
    }

    /** Where a page of a subject's interactions ended: the last one's instant in nanoseconds, and its id. */
    private record Position(long nanos, String id) {
        static Position parse(String text) {
            int colon = text.indexOf(':');
            try {
                if (colon > 0) {
                    return new Position(Long.parseLong(text.substring(0, colon)),
                            InteractionId.of(text.substring(colon + 1)).value());
                }
            } catch (NumberFormatException | ValidationException e) {
                // refused below
            }
            throw new ValidationException("after", "is not a cursor of this store");
        }
    }
}
