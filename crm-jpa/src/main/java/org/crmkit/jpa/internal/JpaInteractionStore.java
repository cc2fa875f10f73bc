package org.crmkit.jpa.internal;

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
 * ({@link InteractionSequencer}). An append whose key raced another's past the check finds the winner's row once it
 * committed and answers it as the duplicate. Offers {@link InteractionErasure}. Thread-safe.
 */
public final class JpaInteractionStore implements InteractionStore, InteractionErasure {
    private final Units units;

    public JpaInteractionStore(Units units) {
        this.units = units;
    }

    @Override
    public AppendResult append(Interaction interaction) {
        Checks.notNull(interaction, "interaction");
        String tenant = interaction.tenant().value();
        try {
            return units.write(em -> {
                Optional<InteractionEntity> byKey = byKey(em, tenant, interaction.source(), interaction.externalId());
                if (byKey.isPresent()) {
                    return new AppendResult.Duplicate(InteractionMapper.read(byKey.get()));
                }
                if (byId(em, tenant, interaction.id().value()).isPresent()) {
                    throw new DuplicateKeyException("interaction id " + interaction.id(), "another interaction");
                }
                em.persist(InteractionMapper.row(interaction));
                em.flush();
                InteractionSequencer.register(units, tenant);
                return new AppendResult.Appended(interaction);
            });
        } catch (DuplicateKeyException raced) {
            Optional<Interaction> winner = findByExternalId(interaction.tenant(), interaction.source(),
                    interaction.externalId());
            if (winner.isPresent()) {
                return new AppendResult.Duplicate(winner.get());
            }
            throw raced;
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
