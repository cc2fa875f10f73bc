package org.crmkit.jpa.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.crmkit.spi.Checks;
import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerErasure;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.MergeRecord;

/**
 * The customer store on Jakarta Persistence: a live customer is a row of {@code crm_customer} with its collection
 * tables, its identities also in {@code crm_identity} (whose key makes them unique); a merged customer's row stays
 * as its merge record's snapshot. Writes lock the rows they check ({@code FOR UPDATE}), so a version check and the
 * write it guards are one step; the unique keys catch what races past the checks. Offers {@link CustomerErasure}.
 * Thread-safe.
 */
public final class JpaCustomerStore implements CustomerStore, CustomerErasure {
    private static final String LIVE = "select c from CustomerEntity c where c.tenant = :tenant"
            + " and c.customerId = :id and c.live = true";
    /**
     * What a read fetches with the customer row, in the same round trip: its contact points and attributes, the
     * collections a customer usually has (the other three come in one more round trip, {@link CustomerReads}). At
     * most 50 x 200 rows for a customer at the model's limits, usually a few.
     */
    private static final String FETCH = " left join fetch c.contacts left join fetch c.attributes";
    private static final String LIVE_FETCHED = "select distinct c from CustomerEntity c" + FETCH
            + " where c.tenant = :tenant and c.customerId = :id and c.live = true";

    private final Units units;

    public JpaCustomerStore(Units units) {
        this.units = units;
    }

    @Override
    public Customer create(Customer customer) {
        Checks.notNull(customer, "customer");
        if (customer.version() != 0) {
            throw new ValidationException("version", "must be 0 for a new customer");
        }
        return units.write(em -> {
            String tenant = customer.tenant().value();
            if (live(em, tenant, customer.id().value(), false).isPresent()) {
                throw new DuplicateKeyException("customer id " + customer.id(), customer.id().value());
            }
            checkIdentitiesFree(em, customer, customer.id().value(), null);
            CustomerEntity row = new CustomerEntity(tenant, customer.id().value());
            CustomerMapper.write(customer, row);
            persistAt(em, row, 1);
            holdIdentities(em, customer);
            return CustomerMapper.read(row);
        });
    }

    @Override
    public Customer update(Customer customer) {
        Checks.notNull(customer, "customer");
        return units.write(em -> {
            CustomerEntity row = current(em, customer.tenant(), customer.id(), customer.version());
            checkIdentitiesFree(em, customer, customer.id().value(), null);
            releaseIdentities(em, customer.tenant().value(), customer.id().value());
            CustomerMapper.write(customer, row);
            em.flush();
            holdIdentities(em, customer);
            return CustomerMapper.read(row);
        });
    }

    @Override
    public Customer merge(Customer survivor, long mergedVersion, MergeRecord record) {
        Checks.notNull(survivor, "survivor");
        Checks.notNull(record, "record");
        if (!record.tenant().equals(survivor.tenant()) || !record.survivor().equals(survivor.id())) {
            throw new ValidationException("record", "does not name the survivor " + survivor.id()
                    + " of tenant " + survivor.tenant());
        }
        return units.write(em -> {
            String tenant = survivor.tenant().value();
            boolean survivorFirst = survivor.id().compareTo(record.merged()) < 0;
            CustomerEntity first = survivorFirst ? current(em, survivor.tenant(), survivor.id(), survivor.version())
                    : current(em, survivor.tenant(), record.merged(), mergedVersion);
            CustomerEntity second = survivorFirst ? current(em, survivor.tenant(), record.merged(), mergedVersion)
                    : current(em, survivor.tenant(), survivor.id(), survivor.version());
            CustomerEntity survivorRow = survivorFirst ? first : second;
            CustomerEntity mergedRow = survivorFirst ? second : first;
            checkIdentitiesFree(em, survivor, survivor.id().value(), record.merged().value());
            releaseIdentities(em, tenant, survivor.id().value());
            releaseIdentities(em, tenant, record.merged().value());
            removeRecord(em, tenant, record.merged().value());
            em.remove(mergedRow);
            em.flush();
            CustomerEntity snapshot = new CustomerEntity(tenant, record.merged().value());
            snapshot.live = null;
            CustomerMapper.write(record.mergedSnapshot(), snapshot);
            persistAt(em, snapshot, record.mergedSnapshot().version());
            MergeRecordEntity kept = new MergeRecordEntity(tenant, record.merged().value());
            kept.survivorId = survivor.id().value();
            kept.atNs = Nanos.of(record.at(), "record.at");
            kept.snapshotRow = snapshot.rowId;
            record.fieldOrigins().forEach((field, origin) -> kept.origins.put(field, origin.value()));
            em.persist(kept);
            CustomerMapper.write(survivor, survivorRow);
            em.flush();
            holdIdentities(em, survivor);
            return CustomerMapper.read(survivorRow);
        });
    }

    @Override
    public Optional<Customer> findById(TenantId tenant, CustomerId id) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(id, "id");
        return units.read(em -> fetched(em, tenant.value(), id.value()).map(row -> one(em, row)));
    }

    @Override
    public Optional<Customer> findByIdentity(TenantId tenant, ExternalIdentity identity) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(identity, "identity");
        return units.read(em -> Optional.ofNullable(em.find(IdentityEntity.class,
                        new IdentityEntity.Key(tenant.value(), identity.system(), identity.value())))
                .flatMap(held -> fetched(em, tenant.value(), held.customerId))
                .map(row -> one(em, row)));
    }

    @Override
    public List<Customer> findByContactPoint(TenantId tenant, ContactValue value) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(value, "value");
        return units.read(em -> CustomerReads.read(em, em.createQuery("select distinct c from CustomerEntity c"
                        + " join c.contacts k" + FETCH + " where c.tenant = :tenant and c.live = true"
                        + " and k.keyHash = :hash order by c.customerId", CustomerEntity.class)
                .setParameter("tenant", tenant.value())
                .setParameter("hash", CustomerMapper.keyHash(value))
                .getResultList()).stream()
                .filter(c -> c.contactPoints().stream().anyMatch(p -> p.value().key().equals(value.key())))
                .toList());
    }

    @Override
    public Optional<MergeRecord> findMergeRecord(TenantId tenant, CustomerId merged) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(merged, "merged");
        return units.read(em -> Optional.ofNullable(em.find(MergeRecordEntity.class,
                new MergeRecordEntity.Key(tenant.value(), merged.value()))).map(r -> {
                    Customer snapshot = CustomerMapper.read(em.find(CustomerEntity.class, r.snapshotRow));
                    TreeMap<String, CustomerId> origins = new TreeMap<>();
                    r.origins.forEach((field, origin) -> origins.put(field, CustomerId.of(origin)));
                    return new MergeRecord(tenant, CustomerId.of(r.survivorId), merged, Nanos.instant(r.atNs),
                            snapshot, origins);
                }));
    }

    @Override
    public Page<Customer> scan(TenantId tenant, Optional<String> after, int limit) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(after, "after");
        Checks.between(limit, 1, MAX_PAGE_SIZE, "limit");
        String from = after.map(Cursors::customerId).orElse("");
        return units.read(em -> {
            List<CustomerEntity> rows = em.createQuery("select c from CustomerEntity c where c.tenant = :tenant"
                            + " and c.live = true and c.customerId > :after order by c.customerId",
                            CustomerEntity.class)
                    .setParameter("tenant", tenant.value()).setParameter("after", from)
                    .setMaxResults(limit + 1).getResultList();
            boolean more = rows.size() > limit;
            List<CustomerEntity> shown = rows.subList(0, Math.min(rows.size(), limit));
            if (!shown.isEmpty()) {
                em.createQuery("select distinct c from CustomerEntity c" + FETCH + " where c in :rows",
                        CustomerEntity.class).setParameter("rows", shown).getResultList();
            }
            List<Customer> page = CustomerReads.read(em, shown);
            return more ? new Page<>(page, Optional.of(page.get(page.size() - 1).id().value())) : Page.last(page);
        });
    }

    @Override
    public long count(TenantId tenant) {
        Checks.notNull(tenant, "tenant");
        return units.read(em -> em.createQuery("select count(c) from CustomerEntity c where c.tenant = :tenant"
                        + " and c.live = true", Long.class)
                .setParameter("tenant", tenant.value()).getSingleResult());
    }

    @Override
    public Erased erase(TenantId tenant, CustomerId id) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(id, "id");
        return units.write(em -> {
            Optional<CustomerEntity> row = live(em, tenant.value(), id.value(), true);
            row.ifPresent(r -> {
                releaseIdentities(em, tenant.value(), id.value());
                em.remove(r);
            });
            boolean own = removeRecord(em, tenant.value(), id.value());
            SortedSet<CustomerId> below = new TreeSet<>();
            Deque<String> survivors = new ArrayDeque<>(List.of(id.value()));
            while (!survivors.isEmpty()) {
                String survivor = survivors.pop();
                List<String> merged = em.createQuery("select r.key.mergedId from MergeRecordEntity r"
                                + " where r.key.tenant = :tenant and r.survivorId = :survivor", String.class)
                        .setParameter("tenant", tenant.value()).setParameter("survivor", survivor).getResultList();
                for (String m : merged) {
                    if (!m.equals(id.value()) && below.add(CustomerId.of(m))) {
                        removeRecord(em, tenant.value(), m);
                        survivors.push(m);
                    }
                }
            }
            return new Erased(row.isPresent() || own, below);
        });
    }

    private static Customer one(EntityManager em, CustomerEntity row) {
        return CustomerReads.read(em, List.of(row)).get(0);
    }

    /** The live row with its usual collections, for a read. */
    private static Optional<CustomerEntity> fetched(EntityManager em, String tenant, String id) {
        return em.createQuery(LIVE_FETCHED, CustomerEntity.class).setParameter("tenant", tenant)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /** The live row, locked if asked. */
    private static Optional<CustomerEntity> live(EntityManager em, String tenant, String id, boolean lock) {
        var query = em.createQuery(LIVE, CustomerEntity.class).setParameter("tenant", tenant).setParameter("id", id);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    /** The live row, locked, at the expected version. */
    private static CustomerEntity current(EntityManager em, TenantId tenant, CustomerId id, long expected) {
        CustomerEntity row = live(em, tenant.value(), id.value(), true)
                .orElseThrow(() -> new NotFoundException("customer", id.value()));
        if (row.version != expected) {
            throw new ConcurrentModificationException("customer", id.value(), expected, row.version);
        }
        return row;
    }

    /**
     * Persists a new row whose version is {@code version}: the provider keeps a version set before persisting, and
     * raises it by one on every later update.
     */
    private static void persistAt(EntityManager em, CustomerEntity row, long version) {
        row.version = version;
        em.persist(row);
        em.flush();
    }

    private static void checkIdentitiesFree(EntityManager em, Customer c, String owner, String alsoOwner) {
        for (ExternalIdentity identity : c.identities()) {
            IdentityEntity held = em.find(IdentityEntity.class,
                    new IdentityEntity.Key(c.tenant().value(), identity.system(), identity.value()));
            if (held != null && !held.customerId.equals(owner) && !held.customerId.equals(alsoOwner)) {
                throw new DuplicateKeyException("identity " + identity, held.customerId);
            }
        }
    }

    private static void releaseIdentities(EntityManager em, String tenant, String customer) {
        for (IdentityEntity held : em.createQuery("select i from IdentityEntity i where i.key.tenant = :tenant"
                        + " and i.customerId = :customer", IdentityEntity.class)
                .setParameter("tenant", tenant).setParameter("customer", customer).getResultList()) {
            em.remove(held);
        }
        em.flush();
    }

    private static void holdIdentities(EntityManager em, Customer c) {
        for (ExternalIdentity identity : c.identities()) {
            em.persist(new IdentityEntity(c.tenant().value(), identity.system(), identity.value(), c.id().value()));
        }
        em.flush();
    }

    /** Removes the merge record of {@code merged} and its snapshot row; whether there was one. */
    private static boolean removeRecord(EntityManager em, String tenant, String merged) {
        MergeRecordEntity r = em.find(MergeRecordEntity.class, new MergeRecordEntity.Key(tenant, merged));
        if (r == null) {
            return false;
        }
        CustomerEntity snapshot = em.find(CustomerEntity.class, r.snapshotRow);
        em.remove(r);
        em.flush();
        if (snapshot != null) {
            em.remove(snapshot);
        }
        return true;
    }
}
