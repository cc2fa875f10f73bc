package org.crmkit.jpa.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.crmkit.spi.Checks;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.segment.MembershipStore;

/**
 * The membership store on Jakarta Persistence: a row of {@code crm_membership} per membership (its key makes an
 * entry happen once: of two racing entries the second finds the first's row) and a row of {@code crm_review} per
 * scheduled review, found due through an index on the instant. Reads are JPQL projections, so nothing read is kept
 * in a unit's persistence context. Thread-safe.
 */
public final class JpaMembershipStore implements MembershipStore {
    private static final String ENTER = "INSERT INTO crm_membership (tenant, segment, customer_id, since_ns)"
            + " VALUES (?, ?, ?, ?)";
    private static final String SCHEDULE = "INSERT INTO crm_review (tenant, customer_id, at_ns) VALUES (?, ?, ?)";

    private final Units units;

    public JpaMembershipStore(Units units) {
        this.units = units;
    }

    @Override
    public boolean enter(TenantId tenant, String segment, CustomerId customer, Instant since) {
        Checks.notNull(tenant, "tenant");
        checkSegment(segment);
        Checks.notNull(customer, "customer");
        long at = Nanos.of(Checks.notNull(since, "since"), "since");
        return units.insertIfAbsent(ENTER, tenant.value(), segment, customer.value(), at);
    }

    @Override
    public boolean leave(TenantId tenant, String segment, CustomerId customer) {
        Checks.notNull(tenant, "tenant");
        checkSegment(segment);
        Checks.notNull(customer, "customer");
        return units.write(em -> em.createQuery("delete from MembershipEntity m where m.tenant = :tenant"
                        + " and m.segment = :segment and m.customerId = :customer")
                .setParameter("tenant", tenant.value()).setParameter("segment", segment)
                .setParameter("customer", customer.value()).executeUpdate()) > 0;
    }

    @Override
    public Optional<Instant> memberSince(TenantId tenant, String segment, CustomerId customer) {
        Checks.notNull(tenant, "tenant");
        checkSegment(segment);
        Checks.notNull(customer, "customer");
        return units.read(em -> em.createQuery("select m.sinceNs from MembershipEntity m where m.tenant = :tenant"
                        + " and m.segment = :segment and m.customerId = :customer", Long.class)
                .setParameter("tenant", tenant.value()).setParameter("segment", segment)
                .setParameter("customer", customer.value()).getResultStream().findFirst().map(Nanos::instant));
    }

    @Override
    public SortedSet<String> segmentsOf(TenantId tenant, CustomerId customer) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        return units.read(em -> new TreeSet<>(em.createQuery("select m.segment from MembershipEntity m"
                        + " where m.tenant = :tenant and m.customerId = :customer", String.class)
                .setParameter("tenant", tenant.value()).setParameter("customer", customer.value())
                .getResultList()));
    }

    @Override
    public Page<CustomerId> members(TenantId tenant, String segment, Optional<String> after, int limit) {
        Checks.notNull(tenant, "tenant");
        checkSegment(segment);
        Checks.notNull(after, "after");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        String from = after.map(Cursors::customerId).orElse("");
        return units.read(em -> {
            List<String> ids = em.createQuery("select m.customerId from MembershipEntity m where m.tenant = :tenant"
                            + " and m.segment = :segment and m.customerId > :after order by m.customerId",
                            String.class)
                    .setParameter("tenant", tenant.value()).setParameter("segment", segment)
                    .setParameter("after", from).setMaxResults(limit + 1).getResultList();
            List<CustomerId> page = ids.stream().limit(limit).map(CustomerId::of).toList();
            return ids.size() > limit ? new Page<>(page, Optional.of(page.get(page.size() - 1).value()))
                    : Page.last(page);
        });
    }

    @Override
    public long count(TenantId tenant, String segment) {
        Checks.notNull(tenant, "tenant");
        checkSegment(segment);
        return units.read(em -> em.createQuery("select count(m) from MembershipEntity m where m.tenant = :tenant"
                        + " and m.segment = :segment", Long.class)
                .setParameter("tenant", tenant.value()).setParameter("segment", segment).getSingleResult());
    }

    @Override
    public int remove(TenantId tenant, CustomerId customer) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        return units.write(em -> {
            em.createQuery("delete from ReviewEntity r where r.tenant = :tenant and r.customerId = :customer")
                    .setParameter("tenant", tenant.value()).setParameter("customer", customer.value())
                    .executeUpdate();
            return em.createQuery("delete from MembershipEntity m where m.tenant = :tenant"
                            + " and m.customerId = :customer")
                    .setParameter("tenant", tenant.value()).setParameter("customer", customer.value())
                    .executeUpdate();
        });
    }

    @Override
    public long clear(TenantId tenant, String segment) {
        Checks.notNull(tenant, "tenant");
        checkSegment(segment);
        return units.write(em -> em.createQuery("delete from MembershipEntity m where m.tenant = :tenant"
                        + " and m.segment = :segment")
                .setParameter("tenant", tenant.value()).setParameter("segment", segment).executeUpdate());
    }

    @Override
    public boolean scheduleReview(TenantId tenant, CustomerId customer, Optional<Instant> at) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        Checks.notNull(at, "at");
        return units.write(em -> {
            if (at.isEmpty()) {
                return em.createQuery("delete from ReviewEntity r where r.tenant = :tenant"
                                + " and r.customerId = :customer")
                        .setParameter("tenant", tenant.value()).setParameter("customer", customer.value())
                        .executeUpdate() > 0;
            }
            long next = Nanos.of(at.get(), "at");
            while (true) {
                int changed = em.createQuery("update ReviewEntity r set r.atNs = :at where r.tenant = :tenant"
                                + " and r.customerId = :customer and r.atNs <> :at")
                        .setParameter("at", next).setParameter("tenant", tenant.value())
                        .setParameter("customer", customer.value()).executeUpdate();
                if (changed > 0) {
                    return true;
                }
                if (reviewAt(tenant, customer).isPresent()) {
                    return false;
                }
                if (units.insertIfAbsent(SCHEDULE, tenant.value(), customer.value(), next)) {
                    return true;
                }
            }
        });
    }

    @Override
    public Optional<Instant> reviewAt(TenantId tenant, CustomerId customer) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        return units.read(em -> em.createQuery("select r.atNs from ReviewEntity r where r.tenant = :tenant"
                        + " and r.customerId = :customer", Long.class)
                .setParameter("tenant", tenant.value()).setParameter("customer", customer.value())
                .getResultStream().findFirst().map(Nanos::instant));
    }

    @Override
    public List<CustomerId> dueForReview(TenantId tenant, Instant now, int limit) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(now, "now");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        return units.read(em -> em.createQuery("select r.customerId from ReviewEntity r where r.tenant = :tenant"
                        + " and r.atNs <= :now order by r.atNs, r.customerId", String.class)
                .setParameter("tenant", tenant.value()).setParameter("now", Nanos.bound(now))
                .setMaxResults(limit).getResultList().stream().map(CustomerId::of).toList());
    }

    private static void checkSegment(String segment) {
        Checks.snake(segment, "segment", 64);
    }
}
