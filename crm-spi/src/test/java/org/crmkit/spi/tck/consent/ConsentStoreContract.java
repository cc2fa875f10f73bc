package org.crmkit.spi.tck.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.crmkit.spi.tck.consent.LedgerFixtures.OTHER_TENANT;
import static org.crmkit.spi.tck.consent.LedgerFixtures.TENANT;
import static org.crmkit.spi.tck.consent.LedgerFixtures.chain;
import static org.crmkit.spi.tck.consent.LedgerFixtures.cid;
import static org.crmkit.spi.tck.consent.LedgerFixtures.entry;
import static org.crmkit.spi.tck.consent.LedgerFixtures.hash;
import static org.crmkit.spi.tck.consent.LedgerFixtures.suppression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.LedgerErasure;
import org.crmkit.spi.consent.SuppressionEntry;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.tck.StoreFeature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link ConsentStore}, of {@link LedgerErasure} when the store declares
 * {@link StoreFeature#LEDGER_ERASURE}, and, when offered, of {@link SuppressionStore}, as JUnit 5 tests and jqwik
 * properties.
 *
 * <p>Extend it in a class named {@code …ContractTest}, return a new, empty store from {@link #newStore()} (it is
 * called before every test and every try of a property, so stores must not share data) and declare the store's
 * optional features in {@link #features()}: a declared feature is tested and must be offered through
 * {@link ConsentStore#capability}, an undeclared one must not be offered. If the suppression list is kept by another
 * object, return it from {@link #suppressionStore()}; without one, the suppression tests are skipped. Not
 * thread-safe itself; some tests use several threads against the store.
 */
public abstract class ConsentStoreContract {
    private static final int THREADS = 8;

    private ConsentStore store;

    /** A new, empty store. */
    protected abstract ConsentStore newStore();

    /** The optional features the store under test offers: {@link StoreFeature#LEDGER_ERASURE} or none. */
    protected abstract Set<StoreFeature> features();

    /** The suppression list under test: by default the consent store itself, if it implements the port. */
    protected Optional<SuppressionStore> suppressionStore() {
        return store instanceof SuppressionStore s ? Optional.of(s) : Optional.empty();
    }

    /** The store under test, new for every test. */
    protected final ConsentStore store() {
        return store;
    }

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    private List<LedgerEntry> appendAll(List<LedgerEntry> entries) {
        entries.forEach(store::append);
        return entries;
    }

    private List<LedgerEntry> readAll(TenantId tenant, int pageSize) {
        List<LedgerEntry> all = new ArrayList<>();
        List<LedgerEntry> page;
        long after = 0;
        while (!(page = store.read(tenant, after, pageSize)).isEmpty()) {
            all.addAll(page);
            after = page.get(page.size() - 1).sequence();
        }
        return all;
    }

    private LedgerErasure erasure() {
        assumeThat(features()).as("features").contains(StoreFeature.LEDGER_ERASURE);
        return store.capability(LedgerErasure.class).orElseThrow();
    }

    private SuppressionStore suppressions() {
        Optional<SuppressionStore> s = suppressionStore();
        assumeThat(s).as("suppression store").isPresent();
        return s.orElseThrow();
    }

    // ------------------------------------------------------------------------------------------------- ledger

    @Test
    void emptyLedger_hasNoLastEntry_andReadsNothing() {
        assertThat(store.last(TENANT)).isEmpty();
        assertThat(store.read(TENANT, 0, 10)).isEmpty();
        assertThat(store.findByCustomer(TENANT, cid("ann"))).isEmpty();
    }

    @Test
    void append_keepsEntriesExactlyAsGiven_andEveryReadReturnsThem() {
        List<LedgerEntry> entries = appendAll(chain(TENANT, 8, cid("ann"), cid("bob")));

        assertThat(store.last(TENANT)).contains(entries.get(7));
        assertThat(store.read(TENANT, 0, 100)).containsExactlyElementsOf(entries);
        assertThat(store.findByCustomer(TENANT, cid("ann")))
                .containsExactly(entries.get(0), entries.get(2), entries.get(4), entries.get(6));
    }

    @Test
    void append_doesNotCheckHashes_soTamperedEntriesAreKeptForTheAuditorToFind() {
        LedgerEntry first = entry(TENANT, 1, Hash256.ZERO, cid("ann"));
        LedgerEntry forged = new LedgerEntry(first.tenant(), 1, first.customer(), first.recordedAt(), first.event(),
                hash(8), first.salt(), hash(9), hash(10));

        store.append(forged);

        assertThat(store.last(TENANT)).contains(forged);
    }

    @Test
    void append_ofFirstEntryWithSequenceOtherThanOne_isRefused_andStoresNothing() {
        LedgerEntry second = chain(TENANT, 2, cid("ann")).get(1);

        assertThatThrownBy(() -> store.append(second))
                .isInstanceOfSatisfying(ConcurrentModificationException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isZero();
                });
        assertThat(store.last(TENANT)).isEmpty();
    }

    @Test
    void append_ofSequenceAlreadyTaken_isRefusedWithTheStoredSequence_andStoresNothing() {
        List<LedgerEntry> entries = appendAll(chain(TENANT, 3, cid("ann")));
        LedgerEntry rival = entry(TENANT, 3, entries.get(1).hash(), cid("bob"));

        assertThatThrownBy(() -> store.append(rival))
                .isInstanceOfSatisfying(ConcurrentModificationException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(2);
                    assertThat(e.actualVersion()).isEqualTo(3);
                });
        assertThat(store.read(TENANT, 0, 10)).containsExactlyElementsOf(entries);
        assertThat(store.findByCustomer(TENANT, cid("bob"))).isEmpty();
    }

    @Test
    void append_skippingASequence_isRefused() {
        appendAll(chain(TENANT, 2, cid("ann")));
        LedgerEntry fourth = chain(TENANT, 4, cid("ann")).get(3);

        assertThatThrownBy(() -> store.append(fourth)).isInstanceOf(ConcurrentModificationException.class);
        assertThat(store.last(TENANT).orElseThrow().sequence()).isEqualTo(2);
    }

    @Test
    void tenants_haveSeparateLedgers() {
        List<LedgerEntry> mine = appendAll(chain(TENANT, 3, cid("ann")));
        List<LedgerEntry> theirs = appendAll(chain(OTHER_TENANT, 2, cid("ann")));

        assertThat(store.read(TENANT, 0, 10)).containsExactlyElementsOf(mine);
        assertThat(store.read(OTHER_TENANT, 0, 10)).containsExactlyElementsOf(theirs);
        assertThat(store.findByCustomer(OTHER_TENANT, cid("ann"))).containsExactlyElementsOf(theirs);
        assertThat(store.last(OTHER_TENANT)).contains(theirs.get(1));
    }

    @Test
    void read_pagesInSequenceOrder_fromAnyPoint() {
        List<LedgerEntry> entries = appendAll(chain(TENANT, 25, cid("ann"), cid("bob"), cid("cy")));

        assertThat(store.read(TENANT, 0, 10)).containsExactlyElementsOf(entries.subList(0, 10));
        assertThat(store.read(TENANT, 10, 10)).containsExactlyElementsOf(entries.subList(10, 20));
        assertThat(store.read(TENANT, 20, 10)).containsExactlyElementsOf(entries.subList(20, 25));
        assertThat(store.read(TENANT, 25, 10)).isEmpty();
        assertThat(store.read(TENANT, 1000, 10)).isEmpty();
        assertThat(readAll(TENANT, 7)).containsExactlyElementsOf(entries);
    }

    @Test
    void read_withLimitOutOfRange_orNegativeStart_isRefused() {
        assertThatThrownBy(() -> store.read(TENANT, 0, 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.read(TENANT, 0, ConsentStore.MAX_PAGE_SIZE + 1))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> store.read(TENANT, -1, 10)).isInstanceOf(ValidationException.class);
    }

    @Test
    void read_servesTheLargestPage() {
        List<LedgerEntry> entries = appendAll(chain(TENANT, ConsentStore.MAX_PAGE_SIZE + 5, cid("ann")));

        assertThat(store.read(TENANT, 0, ConsentStore.MAX_PAGE_SIZE)).hasSize(ConsentStore.MAX_PAGE_SIZE);
        assertThat(store.read(TENANT, ConsentStore.MAX_PAGE_SIZE, ConsentStore.MAX_PAGE_SIZE))
                .containsExactlyElementsOf(entries.subList(ConsentStore.MAX_PAGE_SIZE, entries.size()));
    }

    @Test
    @Timeout(30)
    void concurrentAppends_ofTheSameSequence_exactlyOneWins() throws InterruptedException {
        for (int round = 1; round <= 20; round++) {
            Hash256 previous = store.last(TENANT).map(LedgerEntry::hash).orElse(Hash256.ZERO);
            long sequence = round;
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger wins = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                LedgerEntry candidate = entry(TENANT, sequence, previous, cid("writer-" + t));
                threads.add(new Thread(() -> {
                    try {
                        start.await();
                        store.append(candidate);
                        wins.incrementAndGet();
                    } catch (ConcurrentModificationException lost) {
                        // the expected outcome for every writer but one
                    } catch (Throwable e) {
                        unexpected.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            start.countDown();
            for (Thread t : threads) {
                t.join();
            }
            assertThat(unexpected).isEmpty();
            assertThat(wins).hasValue(1);
        }
        assertThat(readAll(TENANT, 100)).extracting(LedgerEntry::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
    }

    @Property(tries = 50, seed = "42")
    void findByCustomer_isTheLedgerFilteredByCustomer_inSequenceOrder(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 4) Integer> customers) {
        ConsentStore s = newStore();
        Hash256 previous = Hash256.ZERO;
        List<LedgerEntry> all = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            LedgerEntry e = entry(TENANT, i + 1, previous, cid("c" + customers.get(i)));
            s.append(e);
            all.add(e);
            previous = e.hash();
        }
        for (int c = 0; c <= 4; c++) {
            CustomerId id = cid("c" + c);
            assertThat(s.findByCustomer(TENANT, id))
                    .containsExactlyElementsOf(all.stream().filter(e -> e.customer().equals(id)).toList());
        }
        assertThat(s.read(TENANT, 0, ConsentStore.MAX_PAGE_SIZE)).containsExactlyElementsOf(all);
    }

    // ----------------------------------------------------------------------------------------------- erasure

    @Test
    void ledgerErasure_isOffered_exactlyWhenDeclared() {
        assertThat(store.capability(LedgerErasure.class).isPresent())
                .isEqualTo(features().contains(StoreFeature.LEDGER_ERASURE));
    }

    @Test
    void erase_replacesTheCustomersEntriesByTheirErasedForm_inEveryRead() {
        List<LedgerEntry> entries = appendAll(chain(TENANT, 9, cid("ann"), cid("bob"), cid("cy")));

        long erased = erasure().erase(TENANT, Set.of(cid("ann"), cid("cy")));

        List<LedgerEntry> expected = entries.stream()
                .map(e -> e.customer().equals(cid("bob")) ? e : e.withoutPersonalData()).toList();
        assertThat(erased).isEqualTo(6);
        assertThat(readAll(TENANT, 4)).containsExactlyElementsOf(expected);
        assertThat(store.findByCustomer(TENANT, cid("ann")))
                .containsExactly(expected.get(0), expected.get(3), expected.get(6));
        assertThat(store.findByCustomer(TENANT, cid("bob"))).allMatch(e -> !e.isErased());
        assertThat(store.last(TENANT)).contains(expected.get(8));
        assertThat(expected.get(8).isErased()).isTrue();
    }

    @Test
    void erase_isIdempotent_andLeavesOtherTenantsAlone() {
        List<LedgerEntry> mine = appendAll(chain(TENANT, 4, cid("ann"), cid("bob")));
        List<LedgerEntry> theirs = appendAll(chain(OTHER_TENANT, 3, cid("ann")));
        erasure().erase(TENANT, Set.of(cid("ann")));

        assertThat(erasure().erase(TENANT, Set.of(cid("ann"), cid("nobody")))).isZero();

        assertThat(store.read(TENANT, 0, 10)).containsExactly(mine.get(0).withoutPersonalData(), mine.get(1),
                mine.get(2).withoutPersonalData(), mine.get(3));
        assertThat(store.read(OTHER_TENANT, 0, 10)).containsExactlyElementsOf(theirs);
    }

    @Test
    void findByCustomer_returnsAnUnmodifiableList_thatLaterAppendsAndErasuresLeaveAlone() {
        List<LedgerEntry> entries = appendAll(chain(TENANT, 4, cid("ann"), cid("bob")));
        List<LedgerEntry> before = store.findByCustomer(TENANT, cid("ann"));

        store.append(entry(TENANT, 5, entries.get(3).hash(), cid("ann")));
        erasure().erase(TENANT, Set.of(cid("ann")));

        assertThat(before).containsExactly(entries.get(0), entries.get(2));
        assertThatThrownBy(() -> before.add(entries.get(1))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(store.findByCustomer(TENANT, cid("ann"))).hasSize(3).allMatch(LedgerEntry::isErased);
    }

    @Test
    void append_afterErasure_continuesTheChainAtTheSameHead() {
        List<LedgerEntry> entries = appendAll(chain(TENANT, 3, cid("ann")));
        erasure().erase(TENANT, Set.of(cid("ann")));
        LedgerEntry next = entry(TENANT, 4, store.last(TENANT).orElseThrow().hash(), cid("bob"));

        store.append(next);

        assertThat(next.previousHash()).isEqualTo(entries.get(2).hash());
        assertThat(store.read(TENANT, 3, 10)).containsExactly(next);
        assertThatThrownBy(() -> store.append(entry(TENANT, 4, entries.get(2).hash(), cid("cy"))))
                .isInstanceOf(ConcurrentModificationException.class);
    }

    @Property(tries = 50, seed = "42")
    void erasures_leaveEveryReadEqualToTheModel(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 3) Integer> customers,
            @ForAll @Size(max = 4) List<@IntRange(min = 0, max = 4) Integer> erasedInTurn) {
        if (!features().contains(StoreFeature.LEDGER_ERASURE)) {
            return;
        }
        ConsentStore s = newStore();
        LedgerErasure erasure = s.capability(LedgerErasure.class).orElseThrow();
        List<LedgerEntry> model = new ArrayList<>();
        Hash256 previous = Hash256.ZERO;
        for (int i = 0; i < customers.size(); i++) {
            LedgerEntry e = entry(TENANT, i + 1, previous, cid("c" + customers.get(i)));
            s.append(e);
            model.add(e);
            previous = e.hash();
        }
        for (int c : erasedInTurn) {
            CustomerId id = cid("c" + c);
            long whole = model.stream().filter(e -> e.customer().equals(id) && !e.isErased()).count();
            model.replaceAll(e -> e.customer().equals(id) ? e.withoutPersonalData() : e);

            assertThat(erasure.erase(TENANT, Set.of(id))).isEqualTo(whole);
        }

        assertThat(s.read(TENANT, 0, ConsentStore.MAX_PAGE_SIZE)).containsExactlyElementsOf(model);
        assertThat(model).allMatch(LedgerEntry::hashMatches);
        for (int c = 0; c <= 4; c++) {
            CustomerId id = cid("c" + c);
            assertThat(s.findByCustomer(TENANT, id))
                    .containsExactlyElementsOf(model.stream().filter(e -> e.customer().equals(id)).toList());
        }
    }

    // ------------------------------------------------------------------------------------------- suppression

    @Test
    void suppress_thenFind_returnsTheEntry() {
        SuppressionStore list = suppressions();
        SuppressionEntry entry = suppression(TENANT, 1, SuppressionReason.HARD_BOUNCE);

        assertThat(list.suppress(entry)).isEqualTo(entry);
        assertThat(list.find(TENANT, entry.contactHash())).contains(entry);
        assertThat(list.find(OTHER_TENANT, entry.contactHash())).isEmpty();
    }

    @Test
    void suppress_ofListedHash_keepsTheEarlierEntry() {
        SuppressionStore list = suppressions();
        SuppressionEntry first = suppression(TENANT, 1, SuppressionReason.HARD_BOUNCE);
        SuppressionEntry second = new SuppressionEntry(TENANT, first.contactHash(), first.kind(),
                SuppressionReason.COMPLAINT, first.since().plusSeconds(60));
        list.suppress(first);

        assertThat(list.suppress(second)).isEqualTo(first);
        assertThat(list.find(TENANT, first.contactHash())).contains(first);
    }

    @Test
    void lift_removesOnce() {
        SuppressionStore list = suppressions();
        SuppressionEntry entry = suppression(TENANT, 1, SuppressionReason.LEGAL_REQUEST);
        list.suppress(entry);

        assertThat(list.lift(OTHER_TENANT, entry.contactHash())).isFalse();
        assertThat(list.lift(TENANT, entry.contactHash())).isTrue();
        assertThat(list.lift(TENANT, entry.contactHash())).isFalse();
        assertThat(list.find(TENANT, entry.contactHash())).isEmpty();
    }

    @Test
    void version_growsByOneWithEveryChange_andNotWithCallsThatChangeNothing() {
        SuppressionStore list = suppressions();
        SuppressionEntry entry = suppression(TENANT, 1, SuppressionReason.COMPLAINT);
        assertThat(list.version(TENANT)).isZero();

        list.suppress(entry);
        assertThat(list.version(TENANT)).isEqualTo(1);
        list.suppress(new SuppressionEntry(TENANT, entry.contactHash(), entry.kind(), SuppressionReason.HARD_BOUNCE,
                entry.since()));
        list.lift(TENANT, hash(2));
        assertThat(list.version(TENANT)).isEqualTo(1);
        list.lift(TENANT, entry.contactHash());
        assertThat(list.version(TENANT)).isEqualTo(2);
        list.suppress(entry);

        assertThat(list.version(TENANT)).isEqualTo(3);
        assertThat(list.version(OTHER_TENANT)).isZero();
    }

    @Test
    @Timeout(30)
    void version_countsEveryConcurrentChange() throws InterruptedException {
        SuppressionStore list = suppressions();
        int perThread = 50;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int first = t * perThread;
            threads.add(new Thread(() -> {
                for (int n = first; n < first + perThread; n++) {
                    list.suppress(suppression(TENANT, n, SuppressionReason.HOST_DECISION));
                    if (n % 2 == 0) {
                        list.lift(TENANT, hash(n));
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }

        assertThat(list.version(TENANT)).isEqualTo(THREADS * perThread * 3L / 2);
    }

    @Test
    void scan_pagesInHashOrder_exactlyOnce_perTenant() {
        SuppressionStore list = suppressions();
        List<SuppressionEntry> entries = new ArrayList<>();
        for (int n = 40; n >= 0; n--) {
            entries.add(list.suppress(suppression(TENANT, n * 7, SuppressionReason.HOST_DECISION)));
        }
        list.suppress(suppression(OTHER_TENANT, 3, SuppressionReason.HOST_DECISION));
        entries.sort(Comparator.comparing(SuppressionEntry::contactHash));

        List<SuppressionEntry> scanned = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        Set<String> cursors = new HashSet<>();
        do {
            Page<SuppressionEntry> page = list.scan(TENANT, cursor, 6);
            assertThat(page.items().size()).isLessThanOrEqualTo(6);
            scanned.addAll(page.items());
            cursor = page.nextCursor();
            cursor.ifPresent(c -> assertThat(cursors.add(c)).isTrue());
        } while (cursor.isPresent());

        assertThat(scanned).containsExactlyElementsOf(entries);
    }

    @Test
    void scan_withForeignCursor_orLimitOutOfRange_isRefused() {
        SuppressionStore list = suppressions();

        assertThatThrownBy(() -> list.scan(TENANT, Optional.of("not a cursor"), 10))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> list.scan(TENANT, Optional.empty(), 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> list.scan(TENANT, Optional.empty(), SuppressionStore.MAX_PAGE_SIZE + 1))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    @Timeout(30)
    void concurrentSuppress_ofOneHash_storesOneEntry_andAllReturnIt() throws InterruptedException {
        SuppressionStore list = suppressions();
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<SuppressionEntry> returned = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            SuppressionReason reason = SuppressionReason.values()[t % SuppressionReason.values().length];
            SuppressionEntry mine = new SuppressionEntry(TENANT, hash(5), ContactKind.EMAIL, reason,
                    LedgerFixtures.T0.plusSeconds(t));
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    returned.add(list.suppress(mine));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        SuppressionEntry stored = list.find(TENANT, hash(5)).orElseThrow();

        assertThat(returned).hasSize(THREADS).containsOnly(stored);
    }
}
