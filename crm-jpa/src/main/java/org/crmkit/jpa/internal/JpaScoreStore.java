package org.crmkit.jpa.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import org.crmkit.spi.Checks;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.score.CustomerScores;
import org.crmkit.spi.score.Score;
import org.crmkit.spi.score.ScoreStore;

/**
 * The score store on Jakarta Persistence: a row of {@code crm_score} per (tenant, customer, name), replaced by an
 * update or inserted if absent (a racing insert turns into the update), read through JPQL. Thread-safe.
 */
public final class JpaScoreStore implements ScoreStore {
    private static final String INSERT = "INSERT INTO crm_score (tenant, customer_id, name, score, as_of_ns)"
            + " VALUES (?, ?, ?, ?, ?)";

    private final Units units;

    public JpaScoreStore(Units units) {
        this.units = units;
    }

    @Override
    public void put(TenantId tenant, CustomerId customer, Collection<Score> scores) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        Checks.noNullElements(scores, "scores");
        Set<String> names = new HashSet<>();
        for (Score s : scores) {
            if (!names.add(s.name())) {
                throw new ValidationException("scores", "two scores have the same name");
            }
        }
        if (scores.isEmpty()) {
            return;
        }
        units.write(em -> {
            for (Score s : scores) {
                long asOf = Nanos.of(s.asOf(), "score.asOf");
                while (update(em, tenant, customer, s, asOf) == 0
                        && !units.insertIfAbsent(INSERT, tenant.value(), customer.value(), s.name(), s.value(), asOf)) {
                    Thread.onSpinWait();
                }
            }
            return null;
        });
    }

    @Override
    public SortedMap<String, Score> find(TenantId tenant, CustomerId customer) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        return units.read(em -> {
            TreeMap<String, Score> found = new TreeMap<>();
            for (ScoreEntity row : rows(em, tenant, List.of(customer.value()))) {
                found.put(row.name, score(row));
            }
            return found;
        });
    }

    @Override
    public Optional<Score> find(TenantId tenant, CustomerId customer, String name) {
        Checks.notNull(name, "name");
        return Optional.ofNullable(find(tenant, customer).get(name));
    }

    @Override
    public int remove(TenantId tenant, CustomerId customer) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        return units.write(em -> em.createQuery("delete from ScoreEntity s where s.tenant = :tenant"
                        + " and s.customerId = :customer")
                .setParameter("tenant", tenant.value()).setParameter("customer", customer.value()).executeUpdate());
    }

    @Override
    public Page<CustomerScores> scan(TenantId tenant, Optional<String> after, int limit) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(after, "after");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        String from = after.map(Cursors::customerId).orElse("");
        return units.read(em -> {
            List<String> ids = em.createQuery("select distinct s.customerId from ScoreEntity s"
                            + " where s.tenant = :tenant and s.customerId > :after order by s.customerId",
                            String.class)
                    .setParameter("tenant", tenant.value()).setParameter("after", from)
                    .setMaxResults(limit + 1).getResultList();
            List<String> page = ids.subList(0, Math.min(limit, ids.size()));
            Map<String, TreeMap<String, Score>> byCustomer = new LinkedHashMap<>();
            page.forEach(id -> byCustomer.put(id, new TreeMap<>()));
            if (!page.isEmpty()) {
                for (ScoreEntity row : rows(em, tenant, page)) {
                    byCustomer.get(row.customerId).put(row.name, score(row));
                }
            }
            List<CustomerScores> items = new ArrayList<>(page.size());
            byCustomer.forEach((id, scores) -> items.add(new CustomerScores(CustomerId.of(id), scores)));
            return ids.size() > limit ? new Page<>(items, Optional.of(page.get(page.size() - 1)))
                    : Page.last(items);
        });
    }

    private static int update(EntityManager em, TenantId tenant, CustomerId customer, Score s, long asOf) {
        return em.createQuery("update ScoreEntity s set s.value = :value, s.asOfNs = :asOf where s.tenant = :tenant"
                        + " and s.customerId = :customer and s.name = :name")
                .setParameter("value", s.value()).setParameter("asOf", asOf).setParameter("tenant", tenant.value())
                .setParameter("customer", customer.value()).setParameter("name", s.name()).executeUpdate();
    }

    private static List<ScoreEntity> rows(EntityManager em, TenantId tenant, List<String> customers) {
        List<ScoreEntity> rows = em.createQuery("select s from ScoreEntity s where s.tenant = :tenant"
                        + " and s.customerId in :customers", ScoreEntity.class)
                .setParameter("tenant", tenant.value()).setParameter("customers", customers).getResultList();
        rows.forEach(em::detach);
        return rows;
    }

    private static Score score(ScoreEntity row) {
        return new Score(row.name, row.value, Nanos.instant(row.asOfNs));
    }
}
