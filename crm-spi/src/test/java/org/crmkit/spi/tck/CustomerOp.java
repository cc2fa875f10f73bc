package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.CrmException;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerErasure;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.customer.Person;

/**
 * One step of a random customer-store scenario, over the indexes of {@link CustomerModel}'s universe. Each step
 * runs against the store and the model: the model predicts the outcome (the result, or which failures are
 * acceptable) and changes only when the store call succeeded.
 */
sealed interface CustomerOp {
    void run(CustomerStore store, CustomerModel model);

    /** A customer of version 0 with the given identities and e-mail addresses. */
    private static Customer fresh(TenantId tenant, CustomerId id, Set<Integer> identities, Set<Integer> emails) {
        Customer.Builder b = Customer.builder(tenant, id, Person.named("Ann", id.value()),
                Fixtures.T0);
        return withContacts(withIdentities(b, identities), emails).build();
    }

    private static Customer.Builder withIdentities(Customer.Builder b, Set<Integer> identities) {
        Set<ExternalIdentity> ids = new TreeSet<>();
        identities.forEach(i -> ids.add(CustomerModel.identity(i)));
        return b.identities(ids);
    }

    private static Customer.Builder withContacts(Customer.Builder b, Set<Integer> emails) {
        List<ContactPoint> points = new ArrayList<>();
        new TreeSet<>(emails).forEach(i -> points.add(ContactPoint.of(CustomerModel.email(i), ContactUsage.HOME)));
        return b.contactPoints(points);
    }

    record Create(int tenant, int id, Set<Integer> identities, Set<Integer> emails) implements CustomerOp {
        @Override
        public void run(CustomerStore store, CustomerModel model) {
            TenantId t = CustomerModel.tenant(tenant);
            Customer input = fresh(t, CustomerModel.id(id), identities, emails);
            List<Class<? extends CrmException>> failures = new ArrayList<>();
            if (model.get(t, input.id()).isPresent()
                    || input.identities().stream().anyMatch(i -> model.holder(t, i).isPresent())) {
                failures.add(DuplicateKeyException.class);
            }
            Optional<Customer> created = Expect.outcome(toString(), failures, () -> store.create(input));
            created.ifPresent(c -> {
                assertThat(c).as(toString()).isEqualTo(input.toBuilder().version(1).build());
                model.put(c);
            });
        }
    }

    record Update(int tenant, int id, Set<Integer> identities, Set<Integer> emails, int tag) implements CustomerOp {
        @Override
        public void run(CustomerStore store, CustomerModel model) {
            TenantId t = CustomerModel.tenant(tenant);
            CustomerId cid = CustomerModel.id(id);
            Optional<Customer> current = model.get(t, cid);
            Customer.Builder b = current.map(Customer::toBuilder)
                    .orElseGet(() -> fresh(t, cid, Set.of(), Set.of()).toBuilder().version(1));
            Customer input = withContacts(withIdentities(b, identities), emails).tag("t" + tag).build();
            List<Class<? extends CrmException>> failures = new ArrayList<>();
            if (current.isEmpty()) {
                failures.add(NotFoundException.class);
            }
            if (input.identities().stream().anyMatch(i -> model.heldByOther(t, i, cid))) {
                failures.add(DuplicateKeyException.class);
            }
            Optional<Customer> updated = Expect.outcome(toString(), failures, () -> store.update(input));
            updated.ifPresent(c -> {
                assertThat(c).as(toString()).isEqualTo(input.toBuilder().version(input.version() + 1).build());
                model.put(c);
            });
        }
    }

    /** An update based on the version before the stored one: always refused. */
    record StaleUpdate(int tenant, int id) implements CustomerOp {
        @Override
        public void run(CustomerStore store, CustomerModel model) {
            TenantId t = CustomerModel.tenant(tenant);
            model.get(t, CustomerModel.id(id)).ifPresent(current -> {
                long stale = current.version() - 1;
                Customer input = current.toBuilder().version(stale).tag("stale").build();
                Expect.outcome(toString(), List.of(ConcurrentModificationException.class), () -> {
                    try {
                        return store.update(input);
                    } catch (ConcurrentModificationException e) {
                        assertThat(e.expectedVersion()).as("expectedVersion").isEqualTo(stale);
                        assertThat(e.actualVersion()).as("actualVersion").isEqualTo(current.version());
                        throw e;
                    }
                });
            });
        }
    }

    /**
     * Merges {@code merged} into {@code survivor}, which takes the merged contact points, and the merged identities
     * if {@code takeIdentities}, and {@code extraIdentity} if given (which a third customer may hold).
     */
    record Merge(int tenant, int survivor, int merged, boolean takeIdentities, Optional<Integer> extraIdentity)
            implements CustomerOp {
        @Override
        public void run(CustomerStore store, CustomerModel model) {
            TenantId t = CustomerModel.tenant(tenant);
            CustomerId sid = CustomerModel.id(survivor);
            CustomerId mid = CustomerModel.id(merged);
            Optional<Customer> s = model.get(t, sid);
            Optional<Customer> m = model.get(t, mid);
            Customer mergedNow = m.orElseGet(() -> fresh(t, mid, Set.of(), Set.of()).toBuilder().version(1).build());
            Customer.Builder b = s.map(Customer::toBuilder)
                    .orElseGet(() -> fresh(t, sid, Set.of(), Set.of()).toBuilder().version(1));
            mergedNow.contactPoints().forEach(p -> b.contactPoint(ContactPoint.of(p.value(), p.usage())));
            if (takeIdentities) {
                mergedNow.identities().forEach(b::identity);
            }
            extraIdentity.ifPresent(i -> b.identity(CustomerModel.identity(i)));
            Customer input = b.tag("merged").build();
            MergeRecord record = new MergeRecord(t, sid, mid, Fixtures.T0, mergedNow, new TreeMap<>());

            List<Class<? extends CrmException>> failures = new ArrayList<>();
            if (s.isEmpty() || m.isEmpty()) {
                failures.add(NotFoundException.class);
            }
            if (input.identities().stream().anyMatch(i -> model.heldByOther(t, i, sid, mid))) {
                failures.add(DuplicateKeyException.class);
            }
            Optional<Customer> result = Expect.outcome(toString(), failures,
                    () -> store.merge(input, mergedNow.version(), record));
            result.ifPresent(c -> {
                assertThat(c).as(toString()).isEqualTo(input.toBuilder().version(input.version() + 1).build());
                model.merge(c, record);
            });
        }
    }

    /** Erases a customer; run only against stores that offer erasure. */
    record Erase(int tenant, int id) implements CustomerOp {
        @Override
        public void run(CustomerStore store, CustomerModel model) {
            TenantId t = CustomerModel.tenant(tenant);
            CustomerId cid = CustomerModel.id(id);
            CustomerErasure.Erased erased = store.capability(CustomerErasure.class).orElseThrow().erase(t, cid);
            assertThat(erased).as(toString()).isEqualTo(model.erase(t, cid));
        }
    }
}
