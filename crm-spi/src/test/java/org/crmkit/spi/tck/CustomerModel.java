package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerErasure;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.MergeRecord;

/**
 * The reference model of a customer store: plain maps per tenant, over a small universe of tenants, ids,
 * identities and e-mail addresses (so that random operations collide often).
 */
final class CustomerModel {
    static final List<TenantId> TENANTS = List.of(Fixtures.TENANT, Fixtures.OTHER_TENANT);
    static final int IDS = 6;
    static final int IDENTITIES = 6;
    static final int EMAILS = 4;

    private final Map<TenantId, TreeMap<CustomerId, Customer>> customers = new HashMap<>();
    private final Map<TenantId, Map<CustomerId, MergeRecord>> merges = new HashMap<>();

    static TenantId tenant(int index) {
        return TENANTS.get(index);
    }

    static CustomerId id(int index) {
        return CustomerId.of("c-" + index);
    }

    static ExternalIdentity identity(int index) {
        return Fixtures.identity("u" + index);
    }

    static EmailAddress email(int index) {
        return EmailAddress.parse("p" + index + "@example.com");
    }

    private TreeMap<CustomerId, Customer> customers(TenantId tenant) {
        return customers.computeIfAbsent(tenant, t -> new TreeMap<>());
    }

    private Map<CustomerId, MergeRecord> merges(TenantId tenant) {
        return merges.computeIfAbsent(tenant, t -> new HashMap<>());
    }

    Optional<Customer> get(TenantId tenant, CustomerId id) {
        return Optional.ofNullable(customers(tenant).get(id));
    }

    Optional<Customer> holder(TenantId tenant, ExternalIdentity identity) {
        return customers(tenant).values().stream().filter(c -> c.identities().contains(identity)).findFirst();
    }

    /** Whether {@code identity} is held by a customer of the tenant other than those named. */
    boolean heldByOther(TenantId tenant, ExternalIdentity identity, CustomerId... except) {
        return holder(tenant, identity).filter(h -> !List.of(except).contains(h.id())).isPresent();
    }

    void put(Customer c) {
        customers(c.tenant()).put(c.id(), c);
    }

    void merge(Customer survivor, MergeRecord record) {
        customers(survivor.tenant()).remove(record.merged());
        put(survivor);
        merges(survivor.tenant()).put(record.merged(), record);
    }

    /**
     * Erases like {@link CustomerErasure#erase}: the customer, its own merge record, and the records of every
     * customer merged into it directly or through a chain.
     */
    CustomerErasure.Erased erase(TenantId tenant, CustomerId id) {
        Map<CustomerId, MergeRecord> records = merges(tenant);
        boolean removed = customers(tenant).remove(id) != null | records.remove(id) != null;
        SortedSet<CustomerId> merged = new TreeSet<>();
        Deque<CustomerId> survivors = new ArrayDeque<>(List.of(id));
        while (!survivors.isEmpty()) {
            CustomerId survivor = survivors.pop();
            for (MergeRecord r : List.copyOf(records.values())) {
                if (r.survivor().equals(survivor) && merged.add(r.merged())) {
                    survivors.push(r.merged());
                }
            }
        }
        merged.forEach(records::remove);
        return new CustomerErasure.Erased(removed, merged);
    }

    CustomerModel copy() {
        CustomerModel copy = new CustomerModel();
        customers.forEach((tenant, held) -> copy.customers.put(tenant, new TreeMap<>(held)));
        merges.forEach((tenant, held) -> copy.merges.put(tenant, new HashMap<>(held)));
        return copy;
    }

    /** Asserts that every read of {@code store} over the model's universe answers as the model does. */
    void assertSameAs(CustomerStore store) {
        for (TenantId tenant : TENANTS) {
            List<Customer> all = List.copyOf(customers(tenant).values());
            assertThat(store.count(tenant)).as("count %s", tenant).isEqualTo(all.size());
            assertThat(Reads.scanAll(store, tenant, 3)).as("scan %s", tenant).isEqualTo(all);
            for (int i = 0; i < IDS; i++) {
                assertThat(store.findById(tenant, id(i))).as("findById %s %s", tenant, id(i))
                        .isEqualTo(get(tenant, id(i)));
                assertThat(store.findMergeRecord(tenant, id(i))).as("findMergeRecord %s %s", tenant, id(i))
                        .isEqualTo(Optional.ofNullable(merges(tenant).get(id(i))));
            }
            for (int i = 0; i < IDENTITIES; i++) {
                assertThat(store.findByIdentity(tenant, identity(i))).as("findByIdentity %s %s", tenant, identity(i))
                        .isEqualTo(holder(tenant, identity(i)));
            }
            for (int i = 0; i < EMAILS; i++) {
                EmailAddress shouted = EmailAddress.parse(email(i).address().toUpperCase(Locale.ROOT));
                List<Customer> sharing = all.stream()
                        .filter(c -> c.contactPoints().stream().anyMatch(p -> p.value().equals(shouted)))
                        .toList();
                assertThat(store.findByContactPoint(tenant, shouted)).as("findByContactPoint %s %s", tenant, shouted)
                        .isEqualTo(sharing);
            }
        }
    }
}
