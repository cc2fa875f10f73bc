package org.crmkit.jpa.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventCodec;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.event.OutboxBacklog;
import org.crmkit.spi.event.OutboxMessage;

/**
 * The outbox on Jakarta Persistence: a row of {@code crm_outbox} per pending event, visible when the appending
 * transaction commits; the relay lease is the one row of {@code crm_outbox_lease}, taken or renewed by a single
 * conditional update, so that one relay among all engines on the database holds it. Thread-safe.
 */
public final class JpaOutbox implements Outbox {
    /** Longer leases end after the last instant the store keeps, so they are kept as that instant. */
    private static final Duration LONGEST = Duration.ofDays(365L * 600);

    /** What the calling thread's unit appended: not pending before it commits, so not delivered, failed or discarded. */
    private static final String OWN = "outbox";

    private final Units units;
    private final EventCodec codec;

    public JpaOutbox(Units units, EventCodec codec) {
        this.units = units;
        this.codec = codec;
    }

    @Override
    public long append(DomainEvent event) {
        Checks.notNull(event, "event");
        OutboxEntity row = new OutboxEntity(event.tenant().value(), event.orderingKey(), Nanos.of(event.at(), "at"),
                codec.encode(event));
        return units.write(em -> {
            em.persist(row);
            em.flush();
            em.detach(row);
            units.noteWritten(OWN, row.seq);
            return row.seq;
        });
    }

    @Override
    public List<OutboxMessage> pending(long afterSequence, int limit) {
        Checks.nonNegative(afterSequence, "afterSequence");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        return units.readApart(em -> {
            List<OutboxEntity> rows = em.createQuery("select o from OutboxEntity o where o.seq > :after"
                            + " order by o.seq", OutboxEntity.class)
                    .setParameter("after", afterSequence).setMaxResults(limit).getResultList();
            List<OutboxMessage> messages = new ArrayList<>(rows.size());
            for (OutboxEntity row : rows) {
                em.detach(row);
                messages.add(new OutboxMessage(row.seq, codec.decode(row.payload), row.attempts,
                        Optional.ofNullable(row.retryAtNs).map(Nanos::instant)));
            }
            return messages;
        });
    }

    @Override
    public void delivered(Collection<Long> sequences) {
        Checks.noNullElements(sequences, "sequences");
        if (sequences.isEmpty()) {
            return;
        }
        List<Long> committed = sequences.stream().filter(s -> !units.wroteInUnit(OWN, s)).toList();
        if (!committed.isEmpty()) {
            units.write(em -> em.createQuery("delete from OutboxEntity o where o.seq in :seqs")
                    .setParameter("seqs", committed).executeUpdate());
        }
    }

    @Override
    public long discard(Collection<String> orderingKeys) {
        Checks.noNullElements(orderingKeys, "orderingKeys");
        if (orderingKeys.isEmpty()) {
            return 0;
        }
        Set<Long> own = units.writtenInUnit(OWN);
        return units.write(em -> {
            var delete = em.createQuery("delete from OutboxEntity o where o.orderingKey in :keys"
                    + (own.isEmpty() ? "" : " and o.seq not in :own")).setParameter("keys", List.copyOf(orderingKeys));
            if (!own.isEmpty()) {
                delete.setParameter("own", List.copyOf(own));
            }
            return delete.executeUpdate();
        });
    }

    @Override
    public void failed(long sequence, Instant retryAt) {
        Checks.notNull(retryAt, "retryAt");
        if (units.wroteInUnit(OWN, sequence)) {
            return;
        }
        long at = Nanos.bound(retryAt);
        units.write(em -> em.createQuery("update OutboxEntity o set o.attempts = o.attempts + 1,"
                        + " o.retryAtNs = :at where o.seq = :seq")
                .setParameter("at", at).setParameter("seq", sequence).executeUpdate());
    }

    @Override
    public OutboxBacklog backlog() {
        return units.readApart(em -> {
            long count = em.createQuery("select count(o) from OutboxEntity o", Long.class).getSingleResult();
            if (count == 0) {
                return OutboxBacklog.EMPTY;
            }
            Optional<Instant> oldest = em.createQuery("select o.eventAtNs from OutboxEntity o order by o.seq",
                    Long.class).setMaxResults(1).getResultStream().findFirst().map(Nanos::instant);
            return new OutboxBacklog(count, oldest);
        });
    }

    @Override
    public boolean lease(String owner, Instant now, Duration duration) {
        Checks.token(owner, "owner", 128);
        Checks.notNull(now, "now");
        Checks.notNull(duration, "duration");
        if (duration.isZero() || duration.isNegative()) {
            throw new ValidationException("duration", "must be positive");
        }
        long from = Nanos.bound(now);
        long until = duration.compareTo(LONGEST) > 0 ? Long.MAX_VALUE : Nanos.bound(now.plus(duration));
        return units.write(em -> em.createQuery("update OutboxLease l set l.owner = :owner, l.untilNs = :until"
                        + " where l.id = 1 and (l.owner is null or l.owner = :owner or l.untilNs <= :now)")
                .setParameter("owner", owner).setParameter("until", until).setParameter("now", from)
                .executeUpdate()) == 1;
    }

    @Override
    public void release(String owner) {
        Checks.notNull(owner, "owner");
        units.write(em -> em.createQuery("update OutboxLease l set l.owner = null, l.untilNs = 0"
                        + " where l.id = 1 and l.owner = :owner")
                .setParameter("owner", owner).executeUpdate());
    }
}
