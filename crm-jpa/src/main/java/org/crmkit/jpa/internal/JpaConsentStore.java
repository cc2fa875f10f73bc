package org.crmkit.jpa.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.crmkit.spi.Checks;
import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.LedgerErasure;
import org.crmkit.spi.customer.CustomerId;

/**
 * The consent ledger on Jakarta Persistence: a row of {@code crm_consent_entry} per entry, its columns the entry's
 * fields exactly. An append locks the tenant's row of {@code crm_consent_head} until its transaction ends, so an
 * append that follows another unit's waits for it and then checks its sequence against the ledger as it stands.
 * Erasure rewrites the entries in place from {@link LedgerEntry#withoutPersonalData()}: no copy of what was erased
 * stays in the tables. Offers {@link LedgerErasure}. Thread-safe.
 */
public final class JpaConsentStore implements ConsentStore, LedgerErasure {
    private final Units units;

    public JpaConsentStore(Units units) {
        this.units = units;
    }

    @Override
    public void append(LedgerEntry entry) {
        Checks.notNull(entry, "entry");
        String tenant = entry.tenant().value();
        units.write(em -> {
            ConsentHead head = units.lockOrInsert(em, ConsentHead.class, tenant,
                    "INSERT INTO crm_consent_head (tenant, last_seq) VALUES (?, 0)", tenant);
            if (entry.sequence() != head.lastSeq + 1) {
                throw new ConcurrentModificationException("consent ledger", tenant, entry.sequence() - 1,
                        head.lastSeq);
            }
            LedgerEntryEntity row = new LedgerEntryEntity(tenant, entry.sequence());
            LedgerMapper.write(entry, row);
            em.persist(row);
            head.lastSeq = entry.sequence();
            em.flush();
            em.detach(row);
            return null;
        });
    }

    @Override
    public Optional<LedgerEntry> last(TenantId tenant) {
        Checks.notNull(tenant, "tenant");
        return units.read(em -> rows(em, em.createQuery("select e from LedgerEntryEntity e where e.tenant = :tenant"
                        + " order by e.seq desc", LedgerEntryEntity.class)
                .setParameter("tenant", tenant.value()).setMaxResults(1).getResultList()).stream().findFirst());
    }

    @Override
    public List<LedgerEntry> findByCustomer(TenantId tenant, CustomerId customer) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        return units.read(em -> rows(em, em.createQuery("select e from LedgerEntryEntity e where e.tenant = :tenant"
                        + " and e.customerId = :customer order by e.seq", LedgerEntryEntity.class)
                .setParameter("tenant", tenant.value()).setParameter("customer", customer.value())
                .getResultList()));
    }

    @Override
    public List<LedgerEntry> read(TenantId tenant, long afterSequence, int limit) {
        Checks.notNull(tenant, "tenant");
        Checks.nonNegative(afterSequence, "afterSequence");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        return units.read(em -> rows(em, em.createQuery("select e from LedgerEntryEntity e where e.tenant = :tenant"
                        + " and e.seq > :after order by e.seq", LedgerEntryEntity.class)
                .setParameter("tenant", tenant.value()).setParameter("after", afterSequence)
                .setMaxResults(limit).getResultList()));
    }

    @Override
    public long erase(TenantId tenant, Set<CustomerId> customers) {
        Checks.notNull(tenant, "tenant");
        Checks.noNullElements(customers, "customers");
        if (customers.isEmpty()) {
            return 0;
        }
        return units.write(em -> {
            long erased = 0;
            for (LedgerEntryEntity row : em.createQuery("select e from LedgerEntryEntity e where e.tenant = :tenant"
                            + " and e.customerId in :customers order by e.seq", LedgerEntryEntity.class)
                    .setParameter("tenant", tenant.value())
                    .setParameter("customers", customers.stream().map(CustomerId::value).toList())
                    .getResultList()) {
                LedgerEntry entry = LedgerMapper.read(row);
                if (!entry.isErased()) {
                    LedgerMapper.write(entry.withoutPersonalData(), row);
                    erased++;
                }
            }
            em.flush();
            em.clear();
            return erased;
        });
    }

    private static List<LedgerEntry> rows(EntityManager em, List<LedgerEntryEntity> rows) {
        rows.forEach(em::detach);
        return rows.stream().map(LedgerMapper::read).toList();
    }
}
