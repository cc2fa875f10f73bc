package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.crmkit.spi.tck.Fixtures.OTHER_TENANT;
import static org.crmkit.spi.tck.Fixtures.T0;
import static org.crmkit.spi.tck.Fixtures.TENANT;
import static org.crmkit.spi.tck.Fixtures.cid;
import static org.crmkit.spi.tck.Fixtures.customer;
import static org.crmkit.spi.tck.Fixtures.email;
import static org.crmkit.spi.tck.Fixtures.identity;
import static org.crmkit.spi.tck.Fixtures.withContacts;
import static org.crmkit.spi.tck.Fixtures.withIdentities;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerErasure;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.customer.PhoneNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link CustomerStore} (and of {@link CustomerErasure} when the store declares
 * {@link StoreFeature#CUSTOMER_ERASURE}), as JUnit 5 tests and jqwik model-based properties.
 *
 * <p>Extend it in a class named {@code …ContractTest}, return a new, empty store from {@link #newStore()} and the
 * features the store promises from {@link #features()}. {@code newStore()} is called before every test and every try
 * of a property, so stores must not share data. The tests of a feature run only when it is declared; whether the
 * store offers exactly the declared features ({@code store.capability(CustomerErasure.class)}) is checked either
 * way. Not thread-safe itself; some tests use several threads against the store.
 */
public abstract class CustomerStoreContract {
    private static final String STALE_READ = "stale";
    private static final int THREADS = 8;

    private CustomerStore store;

    /** A new, empty store. */
    protected abstract CustomerStore newStore();

    /**
     * The optional features the store under test promises, of those of {@link CustomerStore}
     * ({@link StoreFeature#of}); an empty set if none.
     */
    protected abstract Set<StoreFeature> features();

    /** The store under test, new for every test. */
    protected final CustomerStore store() {
        return store;
    }

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    private Customer stored(String id) {
        return store.create(customer(id));
    }

    private Customer stored(Customer c) {
        return store.create(c);
    }

    private static MergeRecord record(Customer survivor, Customer merged) {
        return new MergeRecord(merged.tenant(), survivor.id(), merged.id(), T0, merged, new TreeMap<>());
    }

    private CustomerErasure erasure() {
        assumeThat(features()).as("features").contains(StoreFeature.CUSTOMER_ERASURE);
        return store.capability(CustomerErasure.class).orElseThrow();
    }

    private List<Customer> everything(TenantId tenant) {
        return Reads.scanAll(store, tenant, 50);
    }

    // ---------------------------------------------------------------- create

    @Test
    void create_storesVersionOne_andReadsReturnWhatItReturned() {
        Customer input = withContacts(withIdentities(customer("c-1"), identity("u1")), email("ann@example.com"));

        Customer created = store.create(input);

        assertThat(created).isEqualTo(input.toBuilder().version(1).build());
        assertThat(store.findById(TENANT, cid("c-1"))).contains(created);
        assertThat(store.findByIdentity(TENANT, identity("u1"))).contains(created);
        assertThat(store.findByContactPoint(TENANT, email("ann@example.com"))).containsExactly(created);
        assertThat(store.count(TENANT)).isEqualTo(1);
    }

    @Test
    void create_withVersionOtherThanZero_isRefused_andStoresNothing() {
        Customer versioned = customer("c-1").toBuilder().version(3).build();

        assertThatThrownBy(() -> store.create(versioned)).isInstanceOf(ValidationException.class);

        assertThat(store.findById(TENANT, cid("c-1"))).isEmpty();
        assertThat(store.count(TENANT)).isZero();
    }

    @Test
    void create_withTakenId_throwsDuplicateKey_andKeepsTheFirst() {
        Customer first = stored(withIdentities(customer("c-1"), identity("u1")));
        Customer second = withIdentities(customer(TENANT, "c-1").toBuilder().owner("rep-2").build(), identity("u2"));

        assertThatThrownBy(() -> store.create(second)).isInstanceOf(DuplicateKeyException.class);

        assertThat(store.findById(TENANT, cid("c-1"))).contains(first);
        assertThat(store.findByIdentity(TENANT, identity("u2"))).isEmpty();
        assertThat(store.count(TENANT)).isEqualTo(1);
    }

    @Test
    void create_withIdentityHeldByAnother_throwsDuplicateKey_andStoresNothing() {
        Customer holder = stored(withIdentities(customer("c-1"), identity("u1")));
        Customer rival = withIdentities(withContacts(customer("c-2"), email("bob@example.com")),
                identity("u2"), identity("u1"));

        assertThatThrownBy(() -> store.create(rival)).isInstanceOf(DuplicateKeyException.class);

        assertThat(store.findById(TENANT, cid("c-2"))).isEmpty();
        assertThat(store.findByIdentity(TENANT, identity("u1"))).contains(holder);
        assertThat(store.findByIdentity(TENANT, identity("u2"))).isEmpty();
        assertThat(store.findByContactPoint(TENANT, email("bob@example.com"))).isEmpty();
        assertThat(everything(TENANT)).containsExactly(holder);
    }

    // ---------------------------------------------------------------- update

    @Test
    void update_storesTheNextVersion_andReadsReturnIt() {
        Customer v1 = stored("c-1");

        Customer v2 = store.update(v1.toBuilder().tag("vip").build());
        Customer v3 = store.update(v2.toBuilder().owner("rep-7").build());

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v3).isEqualTo(v1.toBuilder().tag("vip").owner("rep-7").version(3).build());
        assertThat(store.findById(TENANT, cid("c-1"))).contains(v3);
        assertThat(store.count(TENANT)).isEqualTo(1);
    }

    @Test
    void update_withStaleVersion_throwsConcurrentModification_namingBothVersions() {
        Customer v1 = stored("c-1");
        Customer v2 = store.update(v1.toBuilder().tag("first").build());

        assertThatThrownBy(() -> store.update(v1.toBuilder().tag(STALE_READ).build()))
                .isInstanceOfSatisfying(ConcurrentModificationException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });

        assertThat(store.findById(TENANT, cid("c-1"))).contains(v2);
    }

    @Test
    void update_withVersionAheadOfTheStoredOne_throwsConcurrentModification() {
        Customer v1 = stored("c-1");

        assertThatThrownBy(() -> store.update(v1.toBuilder().version(5).tag(STALE_READ).build()))
                .isInstanceOfSatisfying(ConcurrentModificationException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(5);
                    assertThat(e.actualVersion()).isEqualTo(1);
                });

        assertThat(store.findById(TENANT, cid("c-1"))).contains(v1);
    }

    @Test
    void update_ofAbsentCustomer_throwsNotFound() {
        Customer neverStored = customer("c-404").toBuilder().version(1).build();

        assertThatThrownBy(() -> store.update(neverStored)).isInstanceOf(NotFoundException.class);

        assertThat(store.findById(TENANT, cid("c-404"))).isEmpty();
        assertThat(store.count(TENANT)).isZero();
    }

    @Test
    void update_takingIdentityOfAnother_throwsDuplicateKey_andChangesNothing() {
        Customer holder = stored(withIdentities(customer("c-1"), identity("u1")));
        Customer other = stored(withIdentities(customer("c-2"), identity("u2")));

        assertThatThrownBy(() -> store.update(other.toBuilder().identity(identity("u1")).tag("x").build()))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(store.findById(TENANT, cid("c-2"))).contains(other);
        assertThat(store.findByIdentity(TENANT, identity("u1"))).contains(holder);
        assertThat(store.findByIdentity(TENANT, identity("u2"))).contains(other);
    }

    @Test
    void update_removingAnIdentity_freesItForAnotherCustomer() {
        Customer v1 = stored(withIdentities(customer("c-1"), identity("u1"), identity("u2")));

        Customer v2 = store.update(v1.toBuilder().removeIdentity(identity("u1")).build());

        assertThat(store.findByIdentity(TENANT, identity("u1"))).isEmpty();
        assertThat(store.findByIdentity(TENANT, identity("u2"))).contains(v2);
        Customer next = stored(withIdentities(customer("c-2"), identity("u1")));
        assertThat(store.findByIdentity(TENANT, identity("u1"))).contains(next);
    }

    @Test
    void update_changingContactPoints_movesTheCustomerBetweenLookups() {
        Customer v1 = stored(withContacts(customer("c-1"), email("old@example.com")));

        Customer v2 = store.update(withContacts(v1.toBuilder().removeContactPoint(email("old@example.com")).build(),
                email("new@example.com")));

        assertThat(store.findByContactPoint(TENANT, email("old@example.com"))).isEmpty();
        assertThat(store.findByContactPoint(TENANT, email("new@example.com"))).containsExactly(v2);
    }

    // ---------------------------------------------------------------- lookups

    @Test
    void findById_ofUnknownCustomer_isEmpty() {
        stored("c-1");

        assertThat(store.findById(TENANT, cid("c-2"))).isEmpty();
        assertThat(store.findByIdentity(TENANT, identity("nobody"))).isEmpty();
        assertThat(store.findMergeRecord(TENANT, cid("c-1"))).isEmpty();
    }

    @Test
    void findByContactPoint_ignoresTheCaseOfEmailAddresses() {
        Customer ann = stored(withContacts(customer("c-1"), email("Ann.Lee@Example.com")));

        assertThat(store.findByContactPoint(TENANT, email("ANN.LEE@example.COM"))).containsExactly(ann);
        assertThat(store.findByContactPoint(TENANT, email("ann.lee@example.com"))).containsExactly(ann);
    }

    @Test
    void findByContactPoint_returnsEveryCustomerSharingIt_orderedById() {
        Customer c3 = stored(withContacts(customer("c-3"), email("family@example.com")));
        Customer c1 = stored(withContacts(customer("c-1"), email("family@example.com"), email("c1@example.com")));
        stored(withContacts(customer("c-4"), email("other@example.com")));
        Customer c2 = stored(withContacts(customer("c-2"), email("FAMILY@example.com")));

        assertThat(store.findByContactPoint(TENANT, email("family@example.com"))).containsExactly(c1, c2, c3);
        assertThat(store.findByContactPoint(TENANT, email("c1@example.com"))).containsExactly(c1);
        assertThat(store.findByContactPoint(TENANT, email("nobody@example.com"))).isEmpty();
    }

    @Test
    void findByContactPoint_findsPhoneNumbers_andTellsKindsApart() {
        Customer c1 = stored(withContacts(customer("c-1"), PhoneNumber.parse("+49 30 1234567")));

        assertThat(store.findByContactPoint(TENANT, PhoneNumber.parse("0049301234567"))).containsExactly(c1);
        assertThat(store.findByContactPoint(TENANT, PhoneNumber.parse("+49 30 7654321"))).isEmpty();
    }

    // ---------------------------------------------------------------- merge

    @Test
    void merge_storesSurvivorAtNextVersion_andRemovesTheMerged() {
        Customer survivor = stored(withContacts(customer("c-1"), email("a@example.com")));
        Customer merged = stored(withContacts(customer("c-2"), email("b@example.com")));
        Customer after = withContacts(survivor.toBuilder().tag("merged").build(), email("b@example.com"));

        Customer result = store.merge(after, merged.version(), record(survivor, merged));

        assertThat(result).isEqualTo(after.toBuilder().version(2).build());
        assertThat(store.findById(TENANT, cid("c-1"))).contains(result);
        assertThat(store.findById(TENANT, cid("c-2"))).isEmpty();
        assertThat(store.findByContactPoint(TENANT, email("b@example.com"))).containsExactly(result);
        assertThat(store.count(TENANT)).isEqualTo(1);
        assertThat(everything(TENANT)).containsExactly(result);
    }

    @Test
    void merge_keepsTheRecord_foundByTheMergedId() {
        Customer survivor = stored("c-1");
        Customer merged = store.update(stored("c-2").toBuilder().tag("seen").build());
        MergeRecord record = new MergeRecord(TENANT, survivor.id(), merged.id(), T0.plusSeconds(5), merged,
                new TreeMap<>(Map.of("party", merged.id())));

        store.merge(survivor, merged.version(), record);

        assertThat(store.findMergeRecord(TENANT, cid("c-2"))).contains(record);
        assertThat(store.findMergeRecord(TENANT, cid("c-1"))).isEmpty();
        assertThat(store.findMergeRecord(OTHER_TENANT, cid("c-2"))).isEmpty();
    }

    @Test
    void merge_letsTheSurvivorTakeTheMergedIdentities_andFreesTheOthers() {
        Customer survivor = stored(withIdentities(customer("c-1"), identity("u1")));
        Customer merged = stored(withIdentities(customer("c-2"), identity("u2"), identity("u3")));
        Customer after = survivor.toBuilder().identity(identity("u2")).build();

        Customer result = store.merge(after, merged.version(), record(survivor, merged));

        assertThat(store.findByIdentity(TENANT, identity("u1"))).contains(result);
        assertThat(store.findByIdentity(TENANT, identity("u2"))).contains(result);
        assertThat(store.findByIdentity(TENANT, identity("u3"))).isEmpty();
        Customer next = stored(withIdentities(customer("c-3"), identity("u3")));
        assertThat(store.findByIdentity(TENANT, identity("u3"))).contains(next);
    }

    @Test
    void merge_withStaleSurvivorVersion_throwsConcurrentModification_andChangesNothing() {
        Customer survivor = stored("c-1");
        Customer current = store.update(survivor.toBuilder().tag("moved-on").build());
        Customer merged = stored("c-2");

        assertThatThrownBy(() -> store.merge(survivor.toBuilder().tag(STALE_READ).build(), merged.version(),
                record(survivor, merged)))
                .isInstanceOfSatisfying(ConcurrentModificationException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });

        assertThat(everything(TENANT)).containsExactly(current, merged);
        assertThat(store.findMergeRecord(TENANT, cid("c-2"))).isEmpty();
    }

    @Test
    void merge_withStaleMergedVersion_throwsConcurrentModification_andChangesNothing() {
        Customer survivor = stored(withIdentities(customer("c-1"), identity("u1")));
        Customer merged = stored(withIdentities(customer("c-2"), identity("u2")));
        Customer mergedNow = store.update(merged.toBuilder().tag("moved-on").build());
        Customer after = survivor.toBuilder().identity(identity("u2")).build();

        assertThatThrownBy(() -> store.merge(after, merged.version(), record(survivor, merged)))
                .isInstanceOfSatisfying(ConcurrentModificationException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });

        assertThat(everything(TENANT)).containsExactly(survivor, mergedNow);
        assertThat(store.findByIdentity(TENANT, identity("u2"))).contains(mergedNow);
        assertThat(store.findMergeRecord(TENANT, cid("c-2"))).isEmpty();
    }

    @Test
    void merge_withRecordNotNamingTheSurvivor_isRefused_andChangesNothing() {
        Customer survivor = stored("c-1");
        Customer bystander = stored("c-3");
        Customer merged = stored("c-2");

        assertThatThrownBy(() -> store.merge(survivor, merged.version(), record(bystander, merged)))
                .isInstanceOf(ValidationException.class);

        assertThat(everything(TENANT)).containsExactly(survivor, merged, bystander);
        assertThat(store.findMergeRecord(TENANT, cid("c-2"))).isEmpty();
    }

    @Test
    void merge_withRecordOfAnotherTenant_isRefused_andChangesNothing() {
        Customer survivor = stored("c-1");
        Customer merged = stored("c-2");
        Customer elsewhere = store.create(customer(OTHER_TENANT, "c-2"));
        MergeRecord foreign = new MergeRecord(OTHER_TENANT, survivor.id(), elsewhere.id(), T0, elsewhere,
                new TreeMap<>());

        assertThatThrownBy(() -> store.merge(survivor, merged.version(), foreign))
                .isInstanceOf(ValidationException.class);

        assertThat(everything(TENANT)).containsExactly(survivor, merged);
        assertThat(everything(OTHER_TENANT)).containsExactly(elsewhere);
    }

    @Test
    void merge_ofAbsentMergedCustomer_throwsNotFound_andChangesNothing() {
        Customer survivor = stored("c-1");
        Customer ghost = customer("c-2").toBuilder().version(1).build();

        assertThatThrownBy(() -> store.merge(survivor.toBuilder().tag("x").build(), 1, record(survivor, ghost)))
                .isInstanceOf(NotFoundException.class);

        assertThat(everything(TENANT)).containsExactly(survivor);
        assertThat(store.findMergeRecord(TENANT, cid("c-2"))).isEmpty();
    }

    @Test
    void merge_intoAbsentSurvivor_throwsNotFound_andChangesNothing() {
        Customer ghost = customer("c-1").toBuilder().version(1).build();
        Customer merged = stored("c-2");

        assertThatThrownBy(() -> store.merge(ghost, merged.version(), record(ghost, merged)))
                .isInstanceOf(NotFoundException.class);

        assertThat(everything(TENANT)).containsExactly(merged);
    }

    @Test
    void merge_takingAnIdentityHeldByAThirdCustomer_throwsDuplicateKey_andChangesNothing() {
        Customer survivor = stored(withIdentities(customer("c-1"), identity("u1")));
        Customer merged = stored(withIdentities(customer("c-2"), identity("u2")));
        Customer third = stored(withIdentities(customer("c-3"), identity("u3")));
        Customer after = survivor.toBuilder().identity(identity("u2")).identity(identity("u3")).build();

        assertThatThrownBy(() -> store.merge(after, merged.version(), record(survivor, merged)))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(everything(TENANT)).containsExactly(survivor, merged, third);
        assertThat(store.findByIdentity(TENANT, identity("u2"))).contains(merged);
        assertThat(store.findByIdentity(TENANT, identity("u3"))).contains(third);
        assertThat(store.findMergeRecord(TENANT, cid("c-2"))).isEmpty();
    }

    @Test
    void merge_doesNotReachIntoAnotherTenant() {
        Customer survivor = stored("c-1");
        Customer elsewhere = store.create(customer(OTHER_TENANT, "c-2"));
        Customer localGhost = customer("c-2").toBuilder().version(1).build();

        assertThatThrownBy(() -> store.merge(survivor, 1, record(survivor, localGhost)))
                .isInstanceOf(NotFoundException.class);

        assertThat(store.findById(OTHER_TENANT, cid("c-2"))).contains(elsewhere);
        assertThat(everything(TENANT)).containsExactly(survivor);
    }

    // ---------------------------------------------------------------- scan and count

    @Test
    void scan_returnsEveryCustomerExactlyOnce_inAscendingIdOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(String.format("c-%02d", i));
        }
        Collections.shuffle(ids, new Random(7));
        List<Customer> created = new ArrayList<>();
        ids.forEach(id -> created.add(stored(id)));
        created.sort((a, b) -> a.id().compareTo(b.id()));

        for (int pageSize : new int[] {1, 7, 25, 26, CustomerStore.MAX_PAGE_SIZE}) {
            assertThat(Reads.scanAll(store, TENANT, pageSize)).as("page size %d", pageSize)
                    .containsExactlyElementsOf(created);
        }
    }

    @Test
    void scan_ofEmptyTenant_isOneEmptyLastPage() {
        Page<Customer> page = store.scan(TENANT, Optional.empty(), 10);

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void scan_withLimitOutOfRange_isRefused() {
        stored("c-1");

        for (int limit : new int[] {0, -1, CustomerStore.MAX_PAGE_SIZE + 1}) {
            assertThatThrownBy(() -> store.scan(TENANT, Optional.empty(), limit)).as("limit %d", limit)
                    .isInstanceOf(ValidationException.class);
        }
        assertThat(store.scan(TENANT, Optional.empty(), CustomerStore.MAX_PAGE_SIZE).items()).hasSize(1);
    }

    @Test
    void scan_withCursorNotMadeByTheStore_isRefused() {
        stored("c-1");

        assertThatThrownBy(() -> store.scan(TENANT, Optional.of("not a cursor \u0000 !"), 10))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void scan_returnsCustomersThatExistThroughout_onceEach_despiteWritesBetweenPages() {
        List<Customer> steady = new ArrayList<>();
        for (int i = 0; i < 20; i += 2) {
            steady.add(stored(String.format("c-%02d", i)));
        }
        Customer doomed = stored("c-15");
        List<Customer> seen = new ArrayList<>();

        Page<Customer> page = store.scan(TENANT, Optional.empty(), 3);
        seen.addAll(page.items());
        Customer cursorCustomer = page.items().get(2);
        steady.remove(cursorCustomer);
        stored("c-01");
        stored("c-13");
        Customer survivor = store.merge(steady.get(0), doomed.version(), record(steady.get(0), doomed));
        store.merge(survivor, cursorCustomer.version(), record(survivor, cursorCustomer));
        while (page.hasNext()) {
            page = store.scan(TENANT, page.nextCursor(), 3);
            seen.addAll(page.items());
        }

        List<CustomerId> seenIds = seen.stream().map(Customer::id).toList();
        assertThat(seenIds).doesNotHaveDuplicates().isSorted();
        assertThat(seenIds).containsAll(steady.stream().map(Customer::id).toList());
    }

    @Test
    void count_countsTheCustomersOfOneTenant() {
        assertThat(store.count(TENANT)).isZero();
        Customer a = stored("c-1");
        Customer b = stored("c-2");
        stored("c-3");
        store.create(customer(OTHER_TENANT, "c-9"));

        store.merge(a, b.version(), record(a, b));

        assertThat(store.count(TENANT)).isEqualTo(2);
        assertThat(store.count(OTHER_TENANT)).isEqualTo(1);
        assertThat(store.count(TenantId.of("tck-empty"))).isZero();
    }

    // ---------------------------------------------------------------- tenancy

    @Test
    void sameIdInTwoTenants_isTwoCustomers() {
        Customer here = stored(withIdentities(withContacts(customer("c-1"), email("a@example.com")), identity("u1")));
        Customer there = store.create(withIdentities(withContacts(customer(OTHER_TENANT, "c-1"),
                email("a@example.com")), identity("u1")));

        Customer hereV2 = store.update(here.toBuilder().tag("here").build());

        assertThat(store.findById(TENANT, cid("c-1"))).contains(hereV2);
        assertThat(store.findById(OTHER_TENANT, cid("c-1"))).contains(there);
        assertThat(store.findByIdentity(OTHER_TENANT, identity("u1"))).contains(there);
        assertThat(store.findByContactPoint(OTHER_TENANT, email("a@example.com"))).containsExactly(there);
        assertThat(store.findByContactPoint(TENANT, email("a@example.com"))).containsExactly(hereV2);
    }

    @Test
    void readsDoNotCrossTenants() {
        Customer here = stored(withIdentities(withContacts(customer("c-1"), email("a@example.com")), identity("u1")));
        Customer merged = stored("c-2");
        store.merge(here, merged.version(), record(here, merged));

        assertThat(store.findById(OTHER_TENANT, cid("c-1"))).isEmpty();
        assertThat(store.findByIdentity(OTHER_TENANT, identity("u1"))).isEmpty();
        assertThat(store.findByContactPoint(OTHER_TENANT, email("a@example.com"))).isEmpty();
        assertThat(store.findMergeRecord(OTHER_TENANT, cid("c-2"))).isEmpty();
        assertThat(store.scan(OTHER_TENANT, Optional.empty(), 10).items()).isEmpty();
        assertThat(store.count(OTHER_TENANT)).isZero();
    }

    @Test
    void writesDoNotCrossTenants() {
        Customer there = store.create(customer(OTHER_TENANT, "c-1"));
        Customer localGhost = customer("c-1").toBuilder().version(1).build();

        assertThatThrownBy(() -> store.update(localGhost)).isInstanceOf(NotFoundException.class);
        Customer here = stored("c-1");

        assertThat(here.version()).isEqualTo(1);
        assertThat(store.findById(OTHER_TENANT, cid("c-1"))).contains(there);
    }

    // ---------------------------------------------------------------- erasure

    @Test
    void declaredFeatures_areOffered_andNoOthers() {
        DeclaredFeatures.assertOfferedExactly(store, CustomerStore.class, features());
    }

    @Test
    void erase_removesTheCustomerFromEveryLookup() {
        CustomerErasure erasure = erasure();
        stored(withIdentities(withContacts(customer("c-1"), email("a@example.com")), identity("u1")));
        Customer keeper = stored("c-2");

        assertThat(erasure.erase(TENANT, cid("c-1"))).isEqualTo(erased(true));

        assertThat(store.findById(TENANT, cid("c-1"))).isEmpty();
        assertThat(store.findByIdentity(TENANT, identity("u1"))).isEmpty();
        assertThat(store.findByContactPoint(TENANT, email("a@example.com"))).isEmpty();
        assertThat(everything(TENANT)).containsExactly(keeper);
        assertThat(store.count(TENANT)).isEqualTo(1);
        Customer reborn = stored(withIdentities(customer("c-3"), identity("u1")));
        assertThat(store.findByIdentity(TENANT, identity("u1"))).contains(reborn);
    }

    @Test
    void erase_isIdempotent_andTellsWhetherItRemovedSomething() {
        CustomerErasure erasure = erasure();
        stored("c-1");

        assertThat(erasure.erase(TENANT, cid("c-1"))).isEqualTo(erased(true));
        assertThat(erasure.erase(TENANT, cid("c-1"))).isEqualTo(erased(false));
        assertThat(erasure.erase(TENANT, cid("c-never"))).isEqualTo(erased(false));
        assertThat(store.count(TENANT)).isZero();
    }

    @Test
    void erase_ofTheMergedCustomer_removesItsMergeRecord_andLeavesTheSurvivor() {
        CustomerErasure erasure = erasure();
        Customer survivor = stored("c-1");
        Customer merged = stored("c-2");
        Customer result = store.merge(survivor, merged.version(), record(survivor, merged));

        assertThat(erasure.erase(TENANT, cid("c-2"))).isEqualTo(erased(true));

        assertThat(store.findMergeRecord(TENANT, cid("c-2"))).isEmpty();
        assertThat(store.findById(TENANT, cid("c-1"))).contains(result);
        assertThat(erasure.erase(TENANT, cid("c-2"))).isEqualTo(erased(false));
    }

    @Test
    void erase_ofTheSurvivor_removesTheRecordsNamingIt_andNamesTheirCustomers() {
        CustomerErasure erasure = erasure();
        Customer survivor = stored("c-1");
        Customer merged = stored("c-2");
        Customer other = stored("c-3");
        Customer otherMerged = stored("c-4");
        Customer after = store.merge(survivor, merged.version(), record(survivor, merged));
        store.merge(other, otherMerged.version(), record(other, otherMerged));

        assertThat(erasure.erase(TENANT, after.id())).isEqualTo(erased(true, "c-2"));

        assertThat(store.findMergeRecord(TENANT, cid("c-2"))).isEmpty();
        assertThat(store.findMergeRecord(TENANT, cid("c-4"))).isPresent();
        assertThat(erasure.erase(TENANT, after.id())).isEqualTo(erased(false));
    }

    @Test
    void erase_followsAChainOfMerges_removingEveryRecordOnIt() {
        CustomerErasure erasure = erasure();
        Customer x2 = chainOfMerges(stored(withContacts(customer("c-z"), email("zoe@example.com"))));

        assertThat(erasure.erase(TENANT, x2.id())).isEqualTo(erased(true, "c-w", "c-z"));

        assertThat(store.findMergeRecord(TENANT, cid("c-z"))).isEmpty();
        assertThat(store.findMergeRecord(TENANT, cid("c-w"))).isEmpty();
        assertThat(store.count(TENANT)).isZero();
    }

    @Test
    void erase_ofAMergedAwayIdInTheMiddleOfAChain_removesWhatWasMergedIntoIt_andKeepsTheRest() {
        CustomerErasure erasure = erasure();
        Customer x2 = chainOfMerges(stored("c-z"));

        assertThat(erasure.erase(TENANT, cid("c-w"))).isEqualTo(erased(true, "c-z"));

        assertThat(store.findMergeRecord(TENANT, cid("c-z"))).isEmpty();
        assertThat(store.findMergeRecord(TENANT, cid("c-w"))).isEmpty();
        assertThat(store.findById(TENANT, cid("c-x"))).contains(x2);
    }

    @Test
    void erase_ofAnIdMergedAwayAndLaterReused_doesNotNameItselfAsMerged() {
        CustomerErasure erasure = erasure();
        Customer a = stored("c-a");
        Customer b = stored("c-b");
        Customer b2 = store.merge(b, a.version(), record(b, a));
        Customer reborn = stored("c-a");
        store.merge(reborn, b2.version(), record(reborn, b2));

        assertThat(erasure.erase(TENANT, cid("c-a"))).isEqualTo(erased(true, "c-b"));

        assertThat(store.findMergeRecord(TENANT, cid("c-a"))).isEmpty();
        assertThat(store.findMergeRecord(TENANT, cid("c-b"))).isEmpty();
        assertThat(store.count(TENANT)).isZero();
    }

    /**
     * Customers 0 to n - 1 merged into each other as a random forest (each into a customer of a higher number, or
     * not at all), including chains of any length: erasing one removes the merge records of exactly the customers
     * below it, and says so, and keeps every other record.
     */
    @Property(tries = 60, seed = "20240502")
    void erase_removesTheRecordsOfExactlyTheCustomersMergedIntoIt_throughChainsOfAnyLength(
            @ForAll("mergeForests") List<Integer> parents, @ForAll @IntRange(max = 60) int pick) {
        store = newStore();
        if (!features().contains(StoreFeature.CUSTOMER_ERASURE)) {
            return;
        }
        CustomerErasure erasure = erasure();
        int n = parents.size() + 1;
        Map<Integer, Customer> alive = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            alive.put(i, stored(String.format("c-%03d", i)));
        }
        for (int i = 0; i < parents.size(); i++) {
            int parent = parents.get(i);
            if (parent > i) {
                Customer merged = alive.remove(i);
                Customer survivor = alive.get(parent);
                alive.put(parent, store.merge(survivor, merged.version(), record(survivor, merged)));
            }
        }
        int target = pick % n;
        SortedSet<CustomerId> below = new TreeSet<>();
        for (int i = n - 1; i >= 0; i--) {
            if (i < parents.size() && parents.get(i) > i
                    && (parents.get(i) == target || below.contains(cid(String.format("c-%03d", parents.get(i)))))) {
                below.add(cid(String.format("c-%03d", i)));
            }
        }

        assertThat(erasure.erase(TENANT, cid(String.format("c-%03d", target))))
                .isEqualTo(new CustomerErasure.Erased(true, below));

        for (int i = 0; i < parents.size(); i++) {
            CustomerId id = cid(String.format("c-%03d", i));
            boolean kept = parents.get(i) > i && i != target && !below.contains(id);
            assertThat(store.findMergeRecord(TENANT, id).isPresent()).as("merge record of %s", id).isEqualTo(kept);
        }
    }

    /** For customer i, the customer it is merged into: a higher number, or i itself for none. */
    @Provide
    Arbitrary<List<Integer>> mergeForests() {
        return Arbitraries.integers().between(1, 50).flatMap(n -> {
            List<Arbitrary<Integer>> parents = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int self = i;
                parents.add(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(self)),
                        Tuple.of(4, Arbitraries.integers().between(self + 1, n))));
            }
            return Combinators.combine(parents).as(List::copyOf);
        });
    }

    @Test
    void erase_staysInItsTenant() {
        CustomerErasure erasure = erasure();
        Customer there = store.create(withIdentities(customer(OTHER_TENANT, "c-1"), identity("u1")));
        stored("c-1");

        assertThat(erasure.erase(TENANT, cid("c-1"))).isEqualTo(erased(true));
        assertThat(erasure.erase(TENANT, cid("c-1"))).isEqualTo(erased(false));

        assertThat(store.findById(OTHER_TENANT, cid("c-1"))).contains(there);
        assertThat(store.findByIdentity(OTHER_TENANT, identity("u1"))).contains(there);
    }

    /** Merges {@code z} into a new customer c-w, then c-w into a new c-x; the stored c-x. */
    private Customer chainOfMerges(Customer z) {
        Customer w = stored("c-w");
        Customer x = stored("c-x");
        Customer w2 = store.merge(w, z.version(), record(w, z));
        return store.merge(x, w2.version(), record(x, w2));
    }

    private static CustomerErasure.Erased erased(boolean removed, String... merged) {
        SortedSet<CustomerId> ids = new TreeSet<>();
        for (String id : merged) {
            ids.add(cid(id));
        }
        return new CustomerErasure.Erased(removed, ids);
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    @Timeout(60)
    void concurrentUpdates_fromOneRead_letExactlyOneWin() throws InterruptedException {
        Customer current = stored("c-1");
        for (int round = 0; round < 20; round++) {
            Customer read = current;
            List<Race.Outcome<Customer>> outcomes = Race.run(THREADS,
                    t -> () -> store.update(read.toBuilder().owner("rep-" + t).build()));

            List<Customer> winners = outcomes.stream().filter(Race.Outcome::succeeded).map(Race.Outcome::value)
                    .toList();
            assertThat(winners).as("round %d", round).hasSize(1);
            assertThat(outcomes.stream().filter(o -> !o.succeeded()).map(Race.Outcome::failure))
                    .allSatisfy(f -> assertThat(f).isInstanceOfSatisfying(ConcurrentModificationException.class,
                            e -> {
                                assertThat(e.expectedVersion()).isEqualTo(read.version());
                                assertThat(e.actualVersion()).isEqualTo(read.version() + 1);
                            }));
            current = winners.get(0);
            assertThat(current.version()).isEqualTo(read.version() + 1);
            assertThat(store.findById(TENANT, cid("c-1"))).contains(current);
        }
    }

    @Test
    @Timeout(60)
    void concurrentReadModifyWriteLoops_loseNoUpdate() throws InterruptedException {
        stored("c-1");
        AtomicInteger successes = new AtomicInteger();
        ConcurrentLinkedQueue<Long> versions = new ConcurrentLinkedQueue<>();

        List<Race.Outcome<Integer>> outcomes = Race.run(THREADS, t -> () -> {
            int conflicts = 0;
            for (int i = 0; i < 50; i++) {
                Customer read = store.findById(TENANT, cid("c-1")).orElseThrow();
                try {
                    versions.add(store.update(read.toBuilder().owner("rep-" + t + "-" + i).build()).version());
                    successes.incrementAndGet();
                } catch (ConcurrentModificationException e) {
                    conflicts++;
                }
            }
            return conflicts;
        });

        assertThat(outcomes).allMatch(Race.Outcome::succeeded);
        Customer last = store.findById(TENANT, cid("c-1")).orElseThrow();
        assertThat(last.version()).isEqualTo(successes.get() + 1L);
        assertThat(versions).doesNotHaveDuplicates().hasSize(successes.get());
    }

    @Test
    @Timeout(60)
    void concurrentCreatesOfOneId_letExactlyOneWin() throws InterruptedException {
        List<Race.Outcome<Customer>> outcomes = Race.run(THREADS,
                t -> () -> store.create(customer("c-1").toBuilder().owner("rep-" + t).build()));

        List<Customer> winners = outcomes.stream().filter(Race.Outcome::succeeded).map(Race.Outcome::value)
                .toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()).map(Race.Outcome::failure))
                .allMatch(DuplicateKeyException.class::isInstance);
        assertThat(store.findById(TENANT, cid("c-1"))).contains(winners.get(0));
        assertThat(store.count(TENANT)).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void concurrentCreatesClaimingOneIdentity_letExactlyOneWin() throws InterruptedException {
        List<Race.Outcome<Customer>> outcomes = Race.run(THREADS,
                t -> () -> store.create(withIdentities(customer("c-" + t), identity("shared"))));

        List<Customer> winners = outcomes.stream().filter(Race.Outcome::succeeded).map(Race.Outcome::value)
                .toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()).map(Race.Outcome::failure))
                .allMatch(DuplicateKeyException.class::isInstance);
        assertThat(store.findByIdentity(TENANT, identity("shared"))).contains(winners.get(0));
        assertThat(everything(TENANT)).containsExactly(winners.get(0));
    }

    // ---------------------------------------------------------------- model-based property

    /**
     * Any sequence of creates, updates (current and stale), merges and erasures leaves the store answering every
     * read as a reference model of plain maps does.
     */
    @Property(tries = 200, seed = "20240501")
    void randomOperations_leaveTheStoreEqualToTheModel(@ForAll("customerOperations") List<CustomerOp> operations) {
        store = newStore();
        boolean erasure = features().contains(StoreFeature.CUSTOMER_ERASURE);
        CustomerModel model = new CustomerModel();
        for (CustomerOp op : operations) {
            if (op instanceof CustomerOp.Erase && !erasure) {
                continue;
            }
            op.run(store, model);
            model.assertSameAs(store);
        }
    }

    @Provide
    Arbitrary<List<CustomerOp>> customerOperations() {
        return ModelArbitraries.customerOperations();
    }
}
