package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.spi.tck.Fixtures.OTHER_TENANT;
import static org.crmkit.spi.tck.Fixtures.T0;
import static org.crmkit.spi.tck.Fixtures.TENANT;
import static org.crmkit.spi.tck.Fixtures.cid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.spi.Page;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.segment.MembershipStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link MembershipStore}, as JUnit 5 tests and a jqwik model-based property.
 *
 * <p>Extend it in a class named {@code …ContractTest}, return a new, empty store from {@link #newStore()} and the
 * features the store promises from {@link #features()}. {@code newStore()} is called before every test and every try
 * of a property, so stores must not share data. Not thread-safe itself; some tests use several threads against the
 * store.
 */
public abstract class MembershipStoreContract {
    private static final int THREADS = 8;
    private static final Instant T1 = T0.plusSeconds(3600);

    private MembershipStore store;

    /** A new, empty store. */
    protected abstract MembershipStore newStore();

    /**
     * The optional features the store under test promises, of those of {@link MembershipStore}
     * ({@link StoreFeature#of}); an empty set if none.
     */
    protected abstract Set<StoreFeature> features();

    /** The store under test, new for every test. */
    protected final MembershipStore store() {
        return store;
    }

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    @Test
    void declaredFeatures_areOffered_andNoOthers() {
        DeclaredFeatures.assertOfferedExactly(store, MembershipStore.class, features());
    }

    // ---------------------------------------------------------------- enter and leave

    @Test
    void enter_makesTheCustomerAMember_sinceTheGivenInstant() {
        assertThat(store.enter(TENANT, "vip", cid("c-1"), T0)).isTrue();

        assertThat(store.memberSince(TENANT, "vip", cid("c-1"))).contains(T0);
        assertThat(store.segmentsOf(TENANT, cid("c-1"))).containsExactly("vip");
        assertThat(Reads.membersAll(store, TENANT, "vip", 10)).containsExactly(cid("c-1"));
        assertThat(store.count(TENANT, "vip")).isEqualTo(1);
    }

    @Test
    void enter_ofAMember_keepsItsFirstSince_andSaysNothingChanged() {
        store.enter(TENANT, "vip", cid("c-1"), T0);

        assertThat(store.enter(TENANT, "vip", cid("c-1"), T1)).isFalse();

        assertThat(store.memberSince(TENANT, "vip", cid("c-1"))).contains(T0);
        assertThat(store.count(TENANT, "vip")).isEqualTo(1);
    }

    @Test
    void leave_takesTheCustomerOut_andTellsWhetherItWasAMember() {
        store.enter(TENANT, "vip", cid("c-1"), T0);
        store.enter(TENANT, "newsletter", cid("c-1"), T0);

        assertThat(store.leave(TENANT, "vip", cid("c-1"))).isTrue();
        assertThat(store.leave(TENANT, "vip", cid("c-1"))).isFalse();
        assertThat(store.leave(TENANT, "never_defined", cid("c-1"))).isFalse();

        assertThat(store.memberSince(TENANT, "vip", cid("c-1"))).isEmpty();
        assertThat(store.segmentsOf(TENANT, cid("c-1"))).containsExactly("newsletter");
        assertThat(store.count(TENANT, "vip")).isZero();
    }

    @Test
    void enterAfterLeave_startsAgainFromTheNewInstant() {
        store.enter(TENANT, "vip", cid("c-1"), T0);
        store.leave(TENANT, "vip", cid("c-1"));

        assertThat(store.enter(TENANT, "vip", cid("c-1"), T1)).isTrue();

        assertThat(store.memberSince(TENANT, "vip", cid("c-1"))).contains(T1);
    }

    @Test
    void segmentsOf_isSortedByName() {
        for (String segment : List.of("vip", "churn_risk", "newsletter", "a1")) {
            store.enter(TENANT, segment, cid("c-1"), T0);
        }

        assertThat(store.segmentsOf(TENANT, cid("c-1"))).containsExactly("a1", "churn_risk", "newsletter", "vip");
        assertThat(store.segmentsOf(TENANT, cid("c-2"))).isEmpty();
    }

    @Test
    void segmentNamesThatAreNotLowerCaseNames_areRefused() {
        for (String bad : new String[] {"VIP", "1st", "", "vip-list", "a".repeat(65)}) {
            assertThatThrownBy(() -> store.enter(TENANT, bad, cid("c-1"), T0)).as("segment %s", bad)
                    .isInstanceOf(ValidationException.class);
        }
        assertThat(store.segmentsOf(TENANT, cid("c-1"))).isEmpty();
        assertThat(store.enter(TENANT, "a".repeat(64), cid("c-1"), T0)).isTrue();
    }

    @Test
    void nullArguments_areRefusedAsValidation_notAsNullPointer() {
        assertThatThrownBy(() -> store.enter(null, "vip", cid("c-1"), T0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.enter(TENANT, null, cid("c-1"), T0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.enter(TENANT, "vip", null, T0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.enter(TENANT, "vip", cid("c-1"), null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.leave(null, "vip", cid("c-1"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.segmentsOf(TENANT, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.members(TENANT, "vip", null, 10)).isInstanceOf(ValidationException.class);
        assertThat(store.count(TENANT, "vip")).isZero();
    }

    // ---------------------------------------------------------------- reviews

    @Test
    void dueForReview_listsTheDueCustomers_earliestFirst_thenById() {
        store.scheduleReview(TENANT, cid("c-3"), Optional.of(T0));
        store.scheduleReview(TENANT, cid("c-1"), Optional.of(T1));
        store.scheduleReview(TENANT, cid("c-2"), Optional.of(T0));
        store.scheduleReview(TENANT, cid("c-4"), Optional.of(T1.plusMillis(1)));
        store.scheduleReview(OTHER_TENANT, cid("c-0"), Optional.of(T0));

        assertThat(store.dueForReview(TENANT, T1, 10)).containsExactly(cid("c-2"), cid("c-3"), cid("c-1"));
        assertThat(store.dueForReview(TENANT, T1, 2)).containsExactly(cid("c-2"), cid("c-3"));
        assertThat(store.dueForReview(TENANT, T0.minusMillis(1), 10)).isEmpty();
        assertThat(store.dueForReview(TENANT, T1, 10)).as("reading changes nothing").hasSize(3);
    }

    @Test
    void scheduleReview_replacesTheEarlierInstant_orClearsIt_andSaysWhetherItChanged() {
        assertThat(store.scheduleReview(TENANT, cid("c-1"), Optional.of(T0))).isTrue();
        assertThat(store.scheduleReview(TENANT, cid("c-1"), Optional.of(T0))).isFalse();
        assertThat(store.scheduleReview(TENANT, cid("c-1"), Optional.of(T1))).isTrue();
        assertThat(store.reviewAt(TENANT, cid("c-1"))).contains(T1);
        assertThat(store.dueForReview(TENANT, T0, 10)).isEmpty();

        assertThat(store.scheduleReview(TENANT, cid("c-1"), Optional.empty())).isTrue();
        assertThat(store.scheduleReview(TENANT, cid("c-1"), Optional.empty())).isFalse();
        assertThat(store.reviewAt(TENANT, cid("c-1"))).isEmpty();
        assertThat(store.dueForReview(TENANT, T1, 10)).isEmpty();
    }

    @Test
    void remove_clearsTheReview() {
        store.scheduleReview(TENANT, cid("c-1"), Optional.of(T0));
        store.remove(TENANT, cid("c-1"));

        assertThat(store.reviewAt(TENANT, cid("c-1"))).isEmpty();
        assertThat(store.dueForReview(TENANT, T1, 10)).isEmpty();
    }

    @Test
    void dueForReview_withLimitOutOfRange_orNulls_isRefused() {
        assertThatThrownBy(() -> store.dueForReview(TENANT, T0, 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.dueForReview(TENANT, T0, MembershipStore.MAX_PAGE_SIZE + 1))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.dueForReview(TENANT, null, 1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.scheduleReview(TENANT, cid("c-1"), null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.reviewAt(null, cid("c-1"))).isInstanceOf(ValidationException.class);
    }

    // ---------------------------------------------------------------- remove and clear

    @Test
    void remove_takesTheCustomerOutOfEverySegment_andIsIdempotent() {
        store.enter(TENANT, "vip", cid("c-1"), T0);
        store.enter(TENANT, "newsletter", cid("c-1"), T0);
        store.enter(TENANT, "vip", cid("c-2"), T0);

        assertThat(store.remove(TENANT, cid("c-1"))).isEqualTo(2);
        assertThat(store.remove(TENANT, cid("c-1"))).isZero();

        assertThat(store.segmentsOf(TENANT, cid("c-1"))).isEmpty();
        assertThat(store.memberSince(TENANT, "newsletter", cid("c-1"))).isEmpty();
        assertThat(Reads.membersAll(store, TENANT, "vip", 10)).containsExactly(cid("c-2"));
        assertThat(store.count(TENANT, "newsletter")).isZero();
    }

    @Test
    void clear_emptiesTheSegment_andLeavesTheOthers() {
        for (int i = 0; i < 5; i++) {
            store.enter(TENANT, "vip", cid("c-" + i), T0);
        }
        store.enter(TENANT, "newsletter", cid("c-1"), T0);

        assertThat(store.clear(TENANT, "vip")).isEqualTo(5);
        assertThat(store.clear(TENANT, "vip")).isZero();

        assertThat(store.count(TENANT, "vip")).isZero();
        assertThat(Reads.membersAll(store, TENANT, "vip", 10)).isEmpty();
        assertThat(store.segmentsOf(TENANT, cid("c-1"))).containsExactly("newsletter");
        assertThat(store.segmentsOf(TENANT, cid("c-2"))).isEmpty();
    }

    // ---------------------------------------------------------------- members

    @Test
    void members_returnsEveryMemberExactlyOnce_inAscendingIdOrder() {
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(cid(String.format("c-%02d", i)));
        }
        Collections.shuffle(ids, new Random(7));
        ids.forEach(id -> store.enter(TENANT, "vip", id, T0));
        store.enter(TENANT, "newsletter", cid("c-99"), T0);
        Collections.sort(ids);

        for (int pageSize : new int[] {1, 7, 25, 26, MembershipStore.MAX_PAGE_SIZE}) {
            assertThat(Reads.membersAll(store, TENANT, "vip", pageSize)).as("page size %d", pageSize)
                    .containsExactlyElementsOf(ids);
        }
        assertThat(store.count(TENANT, "vip")).isEqualTo(25);
    }

    @Test
    void members_ofAnEmptySegment_isOneEmptyLastPage() {
        store.enter(TENANT, "vip", cid("c-1"), T0);

        Page<CustomerId> page = store.members(TENANT, "newsletter", Optional.empty(), 10);

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void members_withLimitOutOfRange_isRefused() {
        store.enter(TENANT, "vip", cid("c-1"), T0);

        for (int limit : new int[] {0, -1, MembershipStore.MAX_PAGE_SIZE + 1}) {
            assertThatThrownBy(() -> store.members(TENANT, "vip", Optional.empty(), limit)).as("limit %d", limit)
                    .isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void members_withCursorNotMadeByTheStore_isRefused() {
        store.enter(TENANT, "vip", cid("c-1"), T0);

        assertThatThrownBy(() -> store.members(TENANT, "vip", Optional.of("not a cursor \u0000 !"), 10))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void members_returnsThoseMemberThroughout_onceEach_despiteChangesBetweenPages() {
        List<CustomerId> steady = new ArrayList<>();
        for (int i = 0; i < 20; i += 2) {
            CustomerId id = cid(String.format("c-%02d", i));
            store.enter(TENANT, "vip", id, T0);
            steady.add(id);
        }
        store.enter(TENANT, "vip", cid("c-15"), T0);

        Page<CustomerId> page = store.members(TENANT, "vip", Optional.empty(), 3);
        List<CustomerId> seen = new ArrayList<>(page.items());
        store.enter(TENANT, "vip", cid("c-01"), T1);
        store.enter(TENANT, "vip", cid("c-13"), T1);
        store.leave(TENANT, "vip", cid("c-15"));
        store.leave(TENANT, "vip", page.items().get(2));
        steady.remove(page.items().get(2));
        while (page.hasNext()) {
            page = store.members(TENANT, "vip", page.nextCursor(), 3);
            seen.addAll(page.items());
        }

        assertThat(seen).doesNotHaveDuplicates().isSorted().containsAll(steady).doesNotContain(cid("c-15"));
    }

    // ---------------------------------------------------------------- tenancy

    @Test
    void oneSegmentNameInTwoTenants_isTwoSegments() {
        store.enter(TENANT, "vip", cid("c-1"), T0);
        store.enter(OTHER_TENANT, "vip", cid("c-1"), T1);
        store.enter(OTHER_TENANT, "vip", cid("c-2"), T1);

        assertThat(store.clear(TENANT, "vip")).isEqualTo(1);
        store.remove(TENANT, cid("c-2"));

        assertThat(store.memberSince(OTHER_TENANT, "vip", cid("c-1"))).contains(T1);
        assertThat(Reads.membersAll(store, OTHER_TENANT, "vip", 10)).containsExactly(cid("c-1"), cid("c-2"));
        assertThat(store.count(OTHER_TENANT, "vip")).isEqualTo(2);
        assertThat(store.segmentsOf(OTHER_TENANT, cid("c-2"))).containsExactly("vip");
        assertThat(store.count(TENANT, "vip")).isZero();
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    @Timeout(60)
    void concurrentEntersOfOneMembership_letExactlyOneReportTheChange() throws InterruptedException {
        for (int round = 0; round < 20; round++) {
            CustomerId customer = cid("c-" + round);
            List<Race.Outcome<Boolean>> outcomes = Race.run(THREADS,
                    t -> () -> store.enter(TENANT, "vip", customer, T0.plusSeconds(t)));

            assertThat(outcomes).allMatch(Race.Outcome::succeeded);
            assertThat(outcomes.stream().filter(Race.Outcome::value)).as("round %d", round).hasSize(1);
            assertThat(store.memberSince(TENANT, "vip", customer)).isPresent();
        }
        assertThat(store.count(TENANT, "vip")).isEqualTo(20);
    }

    @Test
    @Timeout(60)
    void concurrentEntersAndLeaves_keepCountsMembersAndSegmentsInStep() throws InterruptedException {
        Set<CustomerId> left = ConcurrentHashMap.newKeySet();
        List<Race.Outcome<Void>> outcomes = Race.run(THREADS, t -> () -> {
            for (int i = 0; i < 100; i++) {
                CustomerId id = cid("c-" + t + "-" + i);
                store.enter(TENANT, "vip", id, T0);
                store.enter(TENANT, "newsletter", id, T0);
                if (i % 4 == 0 && store.leave(TENANT, "vip", id)) {
                    left.add(id);
                }
            }
            return null;
        });

        assertThat(outcomes).allMatch(Race.Outcome::succeeded);
        List<CustomerId> vip = Reads.membersAll(store, TENANT, "vip", 64);
        assertThat(vip).hasSize(THREADS * 75).doesNotHaveDuplicates().isSorted().doesNotContainAnyElementsOf(left);
        assertThat(store.count(TENANT, "vip")).isEqualTo(vip.size());
        assertThat(store.count(TENANT, "newsletter")).isEqualTo(THREADS * 100L);
        assertThat(left).hasSize(THREADS * 25).allSatisfy(id ->
                assertThat(store.segmentsOf(TENANT, id)).containsExactly("newsletter"));
    }

    // ---------------------------------------------------------------- model-based property

    /** Any sequence of enters, leaves, removes, clears and reviews leaves the store answering as a model of maps does. */
    @Property(tries = 200, seed = "20240504")
    void randomOperations_leaveTheStoreEqualToTheModel(
            @ForAll("membershipOperations") List<MembershipOp> operations) {
        store = newStore();
        MembershipModel model = new MembershipModel();
        for (MembershipOp op : operations) {
            op.run(store, model);
            model.assertSameAs(store);
        }
    }

    @Provide
    Arbitrary<List<MembershipOp>> membershipOperations() {
        return ModelArbitraries.membershipOperations();
    }
}
