package org.crmkit.jpa.internal;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.crmkit.spi.Checks;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.SuppressionEntry;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.ContactKind;

/**
 * The do-not-contact list on Jakarta Persistence: a row of {@code crm_suppression} per listed hash (its key lists a
 * hash once: of two racing suppressions the second finds the first's row), and the tenant's change count in
 * {@code crm_suppression_version}. A change undone with its unit raises the count twice more once the unit is
 * undone (the change and its undoing), so that the count never goes down. Thread-safe.
 */
public final class JpaSuppressionStore implements SuppressionStore {
    private static final String INSERT = "INSERT INTO crm_suppression (tenant, contact_hash, kind, reason, since_ns)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String FIRST_VERSION = "INSERT INTO crm_suppression_version (tenant, version) VALUES (?, ?)";

    private final Units units;

    public JpaSuppressionStore(Units units) {
        this.units = units;
    }

    @Override
    public SuppressionEntry suppress(SuppressionEntry entry) {
        Checks.notNull(entry, "entry");
        String tenant = entry.tenant().value();
        long since = Nanos.of(entry.since(), "since");
        return units.write(em -> {
            if (units.insertIfAbsent(INSERT, tenant, entry.contactHash().hex(), entry.kind().name(),
                    entry.reason().name(), since)) {
                changed(em, tenant);
                return entry;
            }
            return find(entry.tenant(), entry.contactHash()).orElseThrow(() -> new IllegalStateException(
                    "a suppression was listed and lifted while it was being listed again"));
        });
    }

    @Override
    public boolean lift(TenantId tenant, Hash256 contactHash) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(contactHash, "contactHash");
        return units.write(em -> {
            boolean lifted = em.createQuery("delete from SuppressionEntity s where s.tenant = :tenant"
                            + " and s.contactHash = :hash")
                    .setParameter("tenant", tenant.value()).setParameter("hash", contactHash.hex())
                    .executeUpdate() > 0;
            if (lifted) {
                changed(em, tenant.value());
            }
            return lifted;
        });
    }

    @Override
    public long version(TenantId tenant) {
        Checks.notNull(tenant, "tenant");
        return units.read(em -> em.createQuery("select v.version from SuppressionVersion v where v.tenant = :tenant",
                Long.class).setParameter("tenant", tenant.value()).getResultStream().findFirst().orElse(0L));
    }

    @Override
    public Optional<SuppressionEntry> find(TenantId tenant, Hash256 contactHash) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(contactHash, "contactHash");
        return units.read(em -> entries(em, em.createQuery("select s from SuppressionEntity s"
                        + " where s.tenant = :tenant and s.contactHash = :hash", SuppressionEntity.class)
                .setParameter("tenant", tenant.value()).setParameter("hash", contactHash.hex())
                .getResultList()).stream().findFirst());
    }

    @Override
    public Page<SuppressionEntry> scan(TenantId tenant, Optional<String> after, int limit) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(after, "after");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        String from = after.map(JpaSuppressionStore::cursor).orElse("");
        return units.read(em -> {
            List<SuppressionEntry> rows = entries(em, em.createQuery("select s from SuppressionEntity s"
                            + " where s.tenant = :tenant and s.contactHash > :after order by s.contactHash",
                            SuppressionEntity.class)
                    .setParameter("tenant", tenant.value()).setParameter("after", from)
                    .setMaxResults(limit + 1).getResultList());
            List<SuppressionEntry> page = rows.subList(0, Math.min(limit, rows.size()));
            return rows.size() > limit
                    ? new Page<>(List.copyOf(page), Optional.of(page.get(page.size() - 1).contactHash().hex()))
                    : Page.last(List.copyOf(page));
        });
    }

    /** Counts a change of the list, and two more if the unit making it is undone. */
    private void changed(EntityManager em, String tenant) {
        bump(em, tenant, 1);
        units.afterRollback(() -> units.write(e -> {
            bump(e, tenant, 2);
            return null;
        }));
    }

    private void bump(EntityManager em, String tenant, long by) {
        while (em.createQuery("update SuppressionVersion v set v.version = v.version + :by where v.tenant = :tenant")
                .setParameter("by", by).setParameter("tenant", tenant).executeUpdate() == 0
                && !units.insertIfAbsent(FIRST_VERSION, tenant, by)) {
            Thread.onSpinWait();
        }
    }

    private static List<SuppressionEntry> entries(EntityManager em, List<SuppressionEntity> rows) {
        rows.forEach(em::detach);
        return rows.stream().map(r -> new SuppressionEntry(TenantId.of(r.tenant), Hash256.parse(r.contactHash),
                ContactKind.valueOf(r.kind), SuppressionReason.valueOf(r.reason), Nanos.instant(r.sinceNs))).toList();
    }

    private static String cursor(String after) {
        try {
            return Hash256.parse(after).hex();
        } catch (ValidationException e) {
            throw new ValidationException("after", "is not a cursor of this store");
        }
    }
}
