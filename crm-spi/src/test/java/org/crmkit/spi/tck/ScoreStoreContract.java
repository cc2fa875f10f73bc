package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.spi.tck.Fixtures.OTHER_TENANT;
import static org.crmkit.spi.tck.Fixtures.T0;
import static org.crmkit.spi.tck.Fixtures.TENANT;
import static org.crmkit.spi.tck.Fixtures.cid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.score.CustomerScores;
import org.crmkit.spi.score.Score;
import org.crmkit.spi.score.ScoreStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link ScoreStore}, as JUnit 5 tests and a jqwik model-based property.
 *
 * <p>Extend it in a class named {@code …ContractTest}, return a new, empty store from {@link #newStore()} and the
 * features the store promises from {@link #features()}. {@code newStore()} is called before every test and every try
 * of a property, so stores must not share data. Not thread-safe itself; some tests use several threads against the
 * store.
 */
public abstract class ScoreStoreContract {
    private static final int THREADS = 8;

    private ScoreStore store;

    /** A new, empty store. */
    protected abstract ScoreStore newStore();

    /**
     * The optional features the store under test promises, of those of {@link ScoreStore}
     * ({@link StoreFeature#of}); an empty set if none.
     */
    protected abstract Set<StoreFeature> features();

    /** The store under test, new for every test. */
    protected final ScoreStore store() {
        return store;
    }

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    private static Score score(String name, double value) {
        return Score.of(name, value, T0);
    }

    @Test
    void declaredFeatures_areOffered_andNoOthers() {
        DeclaredFeatures.assertOfferedExactly(store, ScoreStore.class, features());
    }

    // ---------------------------------------------------------------- put and find

    @Test
    void put_storesTheScores_andReadsReturnThem() {
        Score recency = score("rfm.recency", 4);
        Score engagement = Score.of("engagement", 12.75, T0.plusMillis(250));

        store.put(TENANT, cid("c-1"), List.of(recency, engagement));

        assertThat(store.find(TENANT, cid("c-1"))).containsExactly(Map.entry("engagement", engagement),
                Map.entry("rfm.recency", recency));
        assertThat(store.find(TENANT, cid("c-1"), "rfm.recency")).contains(recency);
        assertThat(store.find(TENANT, cid("c-1"), "rfm.frequency")).isEmpty();
    }

    @Test
    void put_replacesTheScoresOfTheSameName_andKeepsTheOthers() {
        store.put(TENANT, cid("c-1"), List.of(score("rfm.recency", 1), score("rfm.frequency", 2)));
        Score newer = Score.of("rfm.recency", 5, T0.plusSeconds(60));

        store.put(TENANT, cid("c-1"), List.of(newer));

        assertThat(store.find(TENANT, cid("c-1"))).containsExactly(Map.entry("rfm.frequency",
                score("rfm.frequency", 2)), Map.entry("rfm.recency", newer));
    }

    @Test
    void put_ofNoScores_changesNothing() {
        store.put(TENANT, cid("c-1"), List.of(score("engagement", 1)));

        store.put(TENANT, cid("c-1"), List.of());
        store.put(TENANT, cid("c-2"), List.of());

        assertThat(store.find(TENANT, cid("c-1"))).containsOnlyKeys("engagement");
        assertThat(store.find(TENANT, cid("c-2"))).isEmpty();
        assertThat(Reads.scanAll(store, TENANT, 10)).extracting(CustomerScores::customer).containsExactly(cid("c-1"));
    }

    @Test
    void put_namingAScoreTwice_isRefused_andStoresNothing() {
        store.put(TENANT, cid("c-1"), List.of(score("engagement", 1)));

        assertThatThrownBy(() -> store.put(TENANT, cid("c-1"),
                List.of(score("rfm.recency", 1), score("engagement", 2), score("engagement", 3))))
                .isInstanceOf(ValidationException.class);

        assertThat(store.find(TENANT, cid("c-1"))).containsExactly(Map.entry("engagement", score("engagement", 1)));
    }

    @Test
    void nullArguments_areRefusedAsValidation_notAsNullPointer() {
        List<Score> withNull = new ArrayList<>();
        withNull.add(null);

        assertThatThrownBy(() -> store.put(null, cid("c-1"), List.of())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.put(TENANT, null, List.of())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.put(TENANT, cid("c-1"), null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.put(TENANT, cid("c-1"), withNull)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.find(null, cid("c-1"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.find(TENANT, cid("c-1"), null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.remove(TENANT, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.scan(TENANT, null, 10)).isInstanceOf(ValidationException.class);
    }

    @Test
    void find_ofACustomerWithoutScores_isEmpty() {
        store.put(TENANT, cid("c-1"), List.of(score("engagement", 1)));

        assertThat(store.find(TENANT, cid("c-2"))).isEmpty();
        assertThat(store.find(TENANT, cid("c-2"), "engagement")).isEmpty();
        assertThat(store.find(TenantId.of("tck-empty"), cid("c-1"))).isEmpty();
    }

    // ---------------------------------------------------------------- remove

    @Test
    void remove_forgetsEveryScoreOfTheCustomer_andIsIdempotent() {
        store.put(TENANT, cid("c-1"), List.of(score("engagement", 1), score("rfm.recency", 2)));
        store.put(TENANT, cid("c-2"), List.of(score("engagement", 3)));

        assertThat(store.remove(TENANT, cid("c-1"))).isEqualTo(2);
        assertThat(store.remove(TENANT, cid("c-1"))).isZero();
        assertThat(store.remove(TENANT, cid("c-never"))).isZero();

        assertThat(store.find(TENANT, cid("c-1"))).isEmpty();
        assertThat(store.find(TENANT, cid("c-2"))).containsOnlyKeys("engagement");
        assertThat(Reads.scanAll(store, TENANT, 10)).extracting(CustomerScores::customer).containsExactly(cid("c-2"));
    }

    // ---------------------------------------------------------------- scan

    @Test
    void scan_returnsEveryCustomerExactlyOnce_inAscendingIdOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ids.add(String.format("c-%02d", i));
        }
        Collections.shuffle(ids, new Random(7));
        ids.forEach(id -> store.put(TENANT, cid(id), List.of(score("engagement", id.hashCode() % 100))));
        Collections.sort(ids);
        List<CustomerScores> expected = ids.stream()
                .map(id -> new CustomerScores(cid(id), store.find(TENANT, cid(id)))).toList();

        for (int pageSize : new int[] {1, 7, 25, 26, ScoreStore.MAX_PAGE_SIZE}) {
            assertThat(Reads.scanAll(store, TENANT, pageSize)).as("page size %d", pageSize)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void scan_ofEmptyTenant_isOneEmptyLastPage() {
        store.put(OTHER_TENANT, cid("c-1"), List.of(score("engagement", 1)));

        Page<CustomerScores> page = store.scan(TENANT, Optional.empty(), 10);

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void scan_withLimitOutOfRange_isRefused() {
        store.put(TENANT, cid("c-1"), List.of(score("engagement", 1)));

        for (int limit : new int[] {0, -1, ScoreStore.MAX_PAGE_SIZE + 1}) {
            assertThatThrownBy(() -> store.scan(TENANT, Optional.empty(), limit)).as("limit %d", limit)
                    .isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void scan_withCursorNotMadeByTheStore_isRefused() {
        store.put(TENANT, cid("c-1"), List.of(score("engagement", 1)));

        assertThatThrownBy(() -> store.scan(TENANT, Optional.of("not a cursor \u0000 !"), 10))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void scan_returnsCustomersScoredThroughout_onceEach_despiteWritesBetweenPages() {
        List<CustomerId> steady = new ArrayList<>();
        for (int i = 0; i < 20; i += 2) {
            CustomerId id = cid(String.format("c-%02d", i));
            store.put(TENANT, id, List.of(score("engagement", i)));
            steady.add(id);
        }
        store.put(TENANT, cid("c-15"), List.of(score("engagement", 15)));

        Page<CustomerScores> page = store.scan(TENANT, Optional.empty(), 3);
        List<CustomerId> seen = new ArrayList<>(page.items().stream().map(CustomerScores::customer).toList());
        store.put(TENANT, cid("c-01"), List.of(score("engagement", 1)));
        store.put(TENANT, cid("c-13"), List.of(score("engagement", 13)));
        store.remove(TENANT, cid("c-15"));
        store.put(TENANT, steady.get(5), List.of(score("rfm.recency", 5)));
        while (page.hasNext()) {
            page = store.scan(TENANT, page.nextCursor(), 3);
            page.items().forEach(s -> seen.add(s.customer()));
        }

        assertThat(seen).doesNotHaveDuplicates().isSorted().containsAll(steady).doesNotContain(cid("c-15"));
    }

    // ---------------------------------------------------------------- tenancy

    @Test
    void oneCustomerIdInTwoTenants_hasTwoSetsOfScores() {
        store.put(TENANT, cid("c-1"), List.of(score("engagement", 1)));
        store.put(OTHER_TENANT, cid("c-1"), List.of(score("engagement", 9), score("rfm.recency", 2)));

        assertThat(store.remove(TENANT, cid("c-1"))).isEqualTo(1);

        assertThat(store.find(TENANT, cid("c-1"))).isEmpty();
        assertThat(store.find(OTHER_TENANT, cid("c-1"), "engagement")).contains(score("engagement", 9));
        assertThat(Reads.scanAll(store, OTHER_TENANT, 10)).hasSize(1);
        assertThat(Reads.scanAll(store, TENANT, 10)).isEmpty();
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    @Timeout(60)
    void concurrentPutsOfDifferentNames_forOneCustomer_loseNone() throws InterruptedException {
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h");

        List<Race.Outcome<Void>> outcomes = Race.run(THREADS, t -> () -> {
            for (int i = 0; i < 200; i++) {
                store.put(TENANT, cid("c-1"), List.of(score("s." + names.get(t), i)));
            }
            return null;
        });

        assertThat(outcomes).allMatch(Race.Outcome::succeeded);
        assertThat(store.find(TENANT, cid("c-1"))).hasSize(THREADS)
                .allSatisfy((name, s) -> assertThat(s.value()).as(name).isEqualTo(199));
    }

    @Test
    @Timeout(60)
    void concurrentPutsAndRemoves_ofDistinctCustomers_leaveEachAsItsLastWrite() throws InterruptedException {
        List<Race.Outcome<Void>> outcomes = Race.run(THREADS, t -> () -> {
            for (int i = 0; i < 100; i++) {
                CustomerId id = cid("c-" + t + "-" + i);
                store.put(TENANT, id, List.of(score("engagement", i)));
                if (i % 3 == 0) {
                    store.remove(TENANT, id);
                }
            }
            return null;
        });

        assertThat(outcomes).allMatch(Race.Outcome::succeeded);
        List<CustomerScores> all = Reads.scanAll(store, TENANT, 64);
        assertThat(all).hasSize(THREADS * 66).extracting(CustomerScores::customer).isSorted();
        assertThat(all).allSatisfy(s -> assertThat(s.customer().value()).doesNotEndWith("-0"));
    }

    // ---------------------------------------------------------------- model-based property

    /** Any sequence of puts (some naming a score twice) and removes leaves the store answering as a model does. */
    @Property(tries = 200, seed = "20240503")
    void randomOperations_leaveTheStoreEqualToTheModel(@ForAll("scoreOperations") List<ScoreOp> operations) {
        store = newStore();
        ScoreModel model = new ScoreModel();
        for (ScoreOp op : operations) {
            op.run(store, model);
            model.assertSameAs(store);
        }
    }

    @Provide
    Arbitrary<List<ScoreOp>> scoreOperations() {
        return ModelArbitraries.scoreOperations();
    }
}
