package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.crmkit.spi.tck.Fixtures.OTHER_TENANT;
import static org.crmkit.spi.tck.Fixtures.T0;
import static org.crmkit.spi.tck.Fixtures.TENANT;
import static org.crmkit.spi.tck.Fixtures.cid;
import static org.crmkit.spi.tck.Fixtures.interaction;
import static org.crmkit.spi.tck.Fixtures.known;
import static org.crmkit.spi.tck.Fixtures.visitor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.Money;
import org.crmkit.spi.Page;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.interaction.AppendResult;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Direction;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionErasure;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link InteractionStore} (and of {@link InteractionErasure} when the store declares
 * {@link StoreFeature#INTERACTION_ERASURE}), as JUnit 5 tests and jqwik model-based properties.
 *
 * <p>Extend it in a class named {@code …ContractTest}, return a new, empty store from {@link #newStore()} and the
 * features the store promises from {@link #features()}. {@code newStore()} is called before every test and every try
 * of a property, so stores must not share data. The tests of a feature run only when it is declared; whether the
 * store offers exactly the declared features ({@code store.capability(InteractionErasure.class)}) is checked either
 * way. Not thread-safe itself; some tests use several threads against the store.
 */
public abstract class InteractionStoreContract {
    private static final int THREADS = 8;
    private static final String GARBAGE_CURSOR = "not a cursor \u0000 !";

    private InteractionStore store;

    /** A new, empty store. */
    protected abstract InteractionStore newStore();

    /**
     * The optional features the store under test promises, of those of {@link InteractionStore}
     * ({@link StoreFeature#of}); an empty set if none.
     */
    protected abstract Set<StoreFeature> features();

    /** The store under test, new for every test. */
    protected final InteractionStore store() {
        return store;
    }

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    private Interaction appended(Interaction i) {
        AppendResult result = store.append(i);
        assertThat(result).isEqualTo(new AppendResult.Appended(i));
        return i;
    }

    private InteractionErasure erasure() {
        assumeThat(features()).as("features").contains(StoreFeature.INTERACTION_ERASURE);
        return store.capability(InteractionErasure.class).orElseThrow();
    }

    private List<Interaction> all(Subject subject) {
        return Reads.findAll(store, TENANT, subject, InteractionQuery.all());
    }

    private static InteractionQuery oldestFirst(int limit) {
        return InteractionQuery.all().withLimit(limit);
    }

    /** Ten interactions of {@code subject} in shuffled append order, some at the same instant; sorted oldest first. */
    private List<Interaction> history(Subject subject, String prefix) {
        List<Interaction> items = new ArrayList<>();
        int[] minutes = {5, 1, 3, 3, 0, 9, 3, 7, 1, 2};
        for (int k = 0; k < minutes.length; k++) {
            items.add(interaction(prefix + k, subject, minutes[k]));
        }
        Collections.shuffle(items, new Random(11));
        items.forEach(this::appended);
        items.sort(InteractionModel.OLDEST_FIRST);
        return items;
    }

    private static List<Interaction> reversed(List<Interaction> list) {
        List<Interaction> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    // ---------------------------------------------------------------- append

    @Test
    void append_storesTheInteraction_andReadsReturnIt() {
        Interaction i = interaction("i-1", known("c-1"), 0).toBuilder().direction(Direction.OUTBOUND)
                .property("page", TypedValue.of("/home")).build();

        AppendResult result = store.append(i);

        assertThat(result).isEqualTo(new AppendResult.Appended(i));
        assertThat(result.appended()).isTrue();
        assertThat(store.findById(TENANT, i.id())).contains(i);
        assertThat(store.findByExternalId(TENANT, "webshop", "ext-i-1")).contains(i);
        assertThat(store.count(TENANT)).isEqualTo(1);
    }

    @Test
    void append_ofAStoredKey_returnsTheStoredOne_evenWithOtherFields_andChangesNothing() {
        Interaction first = appended(interaction("i-1", known("c-1"), 0));
        Interaction again = Interaction.builder(TENANT, InteractionId.of("i-2"), known("c-2"), Channel.EMAIL,
                InteractionType.COMPLAINT, T0.plusSeconds(999)).source("webshop", "ext-i-1").build();

        AppendResult result = store.append(again);

        assertThat(result).isEqualTo(new AppendResult.Duplicate(first));
        assertThat(result.appended()).isFalse();
        assertThat(store.findById(TENANT, InteractionId.of("i-2"))).isEmpty();
        assertThat(store.count(TENANT)).isEqualTo(1);
        assertThat(all(known("c-2"))).isEmpty();
        assertThat(store.append(first)).isEqualTo(new AppendResult.Duplicate(first));
    }

    @Test
    void append_ofAHeldIdUnderAnotherKey_throwsDuplicateKey_andChangesNothing() {
        Interaction first = appended(interaction("i-1", known("c-1"), 0));
        Interaction clash = interaction("i-1", known("c-2"), 1).toBuilder().source("webshop", "ext-other").build();

        assertThatThrownBy(() -> store.append(clash)).isInstanceOf(DuplicateKeyException.class);

        assertThat(store.findById(TENANT, first.id())).contains(first);
        assertThat(store.findByExternalId(TENANT, "webshop", "ext-other")).isEmpty();
        assertThat(store.count(TENANT)).isEqualTo(1);
        assertThat(all(known("c-2"))).isEmpty();
    }

    @Test
    void append_ofTheSameExternalIdFromAnotherSource_isANewInteraction() {
        Interaction shop = appended(interaction("i-1", known("c-1"), 0));
        Interaction pos = appended(interaction("i-2", known("c-1"), 1).toBuilder().source("pos", "ext-i-1").build());

        assertThat(store.findByExternalId(TENANT, "webshop", "ext-i-1")).contains(shop);
        assertThat(store.findByExternalId(TENANT, "pos", "ext-i-1")).contains(pos);
        assertThat(store.count(TENANT)).isEqualTo(2);
    }

    @Test
    void findById_andFindByExternalId_ofUnknownInteraction_areEmpty() {
        appended(interaction("i-1", known("c-1"), 0));

        assertThat(store.findById(TENANT, InteractionId.of("i-2"))).isEmpty();
        assertThat(store.findByExternalId(TENANT, "webshop", "ext-i-2")).isEmpty();
        assertThat(store.findByExternalId(TENANT, "pos", "ext-i-1")).isEmpty();
    }

    // ---------------------------------------------------------------- append a batch

    @Test
    void appendAll_ofNoInteractions_returnsNoResults_andChangesNothing() {
        appended(interaction("i-1", known("c-1"), 0));

        assertThat(store.appendAll(List.of())).isEmpty();

        assertThat(store.count(TENANT)).isEqualTo(1);
    }

    @Test
    void appendAll_answersAsAppendingOneByOne_withAKeyTwiceInTheBatch() {
        Interaction held = appended(interaction("i-1", known("c-1"), 0));
        Interaction order = Interaction.builder(TENANT, InteractionId.of("i-2"), known("c-2"), Channel.WEB,
                        InteractionType.ORDER_PLACED, T0.plusSeconds(180)).source("webshop", "ext-i-2")
                .amount(Money.of("12.50", "EUR")).campaign(CampaignId.of("spring"))
                .property("page", TypedValue.of("/cart")).property("items", TypedValue.of(new BigDecimal("3.0")))
                .build();
        Interaction replay = interaction("i-9", known("c-3"), 7).toBuilder().source("webshop", "ext-i-1").build();
        Interaction visit = interaction("i-3", visitor("v-1"), 1);
        Interaction visitAgain = interaction("i-4", known("c-1"), 5).toBuilder().source("webshop", "ext-i-3").build();
        Interaction there = interaction(OTHER_TENANT, "i-2", known("c-2"), 0);
        Interaction last = interaction("i-5", known("c-1"), 2);

        List<AppendResult> results = store.appendAll(List.of(order, replay, visit, visitAgain, visit, there, last));

        assertThat(results).containsExactly(new AppendResult.Appended(order), new AppendResult.Duplicate(held),
                new AppendResult.Appended(visit), new AppendResult.Duplicate(visit), new AppendResult.Duplicate(visit),
                new AppendResult.Appended(there), new AppendResult.Appended(last));
        assertThat(Reads.scanAll(store, TENANT, 2)).containsExactly(held, order, visit, last);
        assertThat(Reads.scanAll(store, OTHER_TENANT, 2)).containsExactly(there);
        assertThat(store.findById(TENANT, order.id())).contains(order);
        assertThat(store.findById(TENANT, replay.id())).isEmpty();
        assertThat(store.findById(TENANT, visitAgain.id())).isEmpty();
        assertThat(all(known("c-1"))).containsExactly(held, last);
        assertThat(all(known("c-3"))).isEmpty();
    }

    @Test
    void appendAll_withAnIdHeldUnderAnotherKey_throwsDuplicateKey_asAppendDoes() {
        Interaction held = appended(interaction("i-1", known("c-1"), 0));
        Interaction before = interaction("i-2", known("c-2"), 1);
        Interaction clash = interaction("i-1", known("c-2"), 2).toBuilder().source("webshop", "ext-other").build();
        Interaction after = interaction("i-3", known("c-2"), 3);
        assertThatThrownBy(() -> store.append(clash)).isInstanceOf(DuplicateKeyException.class);

        assertThatThrownBy(() -> store.appendAll(List.of(before, clash, after)))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(store.findById(TENANT, held.id())).contains(held);
        assertThat(store.findByExternalId(TENANT, "webshop", "ext-other")).isEmpty();
        assertThat(store.findById(TENANT, after.id())).isEmpty();
        assertThat(Reads.scanAll(store, TENANT, 10)).as("what was stored, and perhaps what came before the refusal")
                .isIn(List.of(held), List.of(held, before));
    }

    @Test
    void appendAll_withAnIdTwiceUnderTwoKeys_throwsDuplicateKey_asAppendingOneByOneDoes() {
        Interaction first = interaction("i-1", known("c-1"), 0);
        Interaction clash = interaction("i-1", known("c-2"), 1).toBuilder().source("webshop", "ext-other").build();

        assertThatThrownBy(() -> store.appendAll(List.of(first, clash))).isInstanceOf(DuplicateKeyException.class);

        assertThat(store.findByExternalId(TENANT, "webshop", "ext-other")).isEmpty();
        assertThat(Reads.scanAll(store, TENANT, 10)).isIn(List.of(), List.of(first));
    }

    // ---------------------------------------------------------------- find by subject

    @Test
    void find_returnsTheSubjectsInteractions_oldestFirst_tiesById() {
        List<Interaction> expected = history(known("c-1"), "i-");
        history(known("c-2"), "j-");

        assertThat(store.find(TENANT, known("c-1"), InteractionQuery.all()).items())
                .containsExactlyElementsOf(expected);
    }

    @Test
    void find_newestFirst_returnsTheReverseOrder_tiesByIdReversed() {
        List<Interaction> expected = history(known("c-1"), "i-");

        assertThat(store.find(TENANT, known("c-1"), InteractionQuery.all().newestFirst()).items())
                .containsExactlyElementsOf(reversed(expected));
    }

    @Test
    void find_pagesCoverEveryInteractionExactlyOnce_inBothDirections() {
        List<Interaction> expected = history(visitor("v-1"), "i-");

        for (int limit = 1; limit <= 11; limit++) {
            assertThat(Reads.findAll(store, TENANT, visitor("v-1"), oldestFirst(limit))).as("limit %d", limit)
                    .containsExactlyElementsOf(expected);
            assertThat(Reads.findAll(store, TENANT, visitor("v-1"), oldestFirst(limit).newestFirst()))
                    .as("limit %d, newest first", limit).containsExactlyElementsOf(reversed(expected));
        }
    }

    @Test
    void find_withExactlyAPageFull_mayEndWithAnEmptyPage_butRepeatsNothing() {
        List<Interaction> expected = history(known("c-1"), "i-");

        Page<Interaction> first = store.find(TENANT, known("c-1"), oldestFirst(10));

        assertThat(first.items()).containsExactlyElementsOf(expected);
        if (first.hasNext()) {
            assertThat(store.find(TENANT, known("c-1"), oldestFirst(10).after(first.nextCursor().orElseThrow()))
                    .items()).isEmpty();
        }
    }

    @Test
    void find_filtersByChannelTypeAndTime() {
        Subject ann = known("c-1");
        Interaction web = appended(interaction("i-1", ann, 0));
        Interaction mail = appended(Interaction.builder(TENANT, InteractionId.of("i-2"), ann, Channel.EMAIL,
                InteractionType.MESSAGE_OPENED, T0.plusSeconds(60)).build());
        Interaction order = appended(Interaction.builder(TENANT, InteractionId.of("i-3"), ann, Channel.WEB,
                InteractionType.ORDER_PLACED, T0.plusSeconds(120)).build());
        Interaction call = appended(Interaction.builder(TENANT, InteractionId.of("i-4"), ann, Channel.PHONE,
                InteractionType.CALL, T0.plusSeconds(180)).build());

        assertThat(store.find(TENANT, ann, InteractionQuery.all().withChannels(Set.of(Channel.WEB))).items())
                .containsExactly(web, order);
        assertThat(store.find(TENANT, ann, InteractionQuery.all()
                .withChannels(Set.of(Channel.WEB, Channel.PHONE))).items()).containsExactly(web, order, call);
        assertThat(store.find(TENANT, ann, InteractionQuery.all()
                .withTypes(Set.of(InteractionType.ORDER_PLACED, InteractionType.MESSAGE_OPENED))).items())
                .containsExactly(mail, order);
        assertThat(store.find(TENANT, ann, InteractionQuery.all().between(T0.plusSeconds(60), T0.plusSeconds(180)))
                .items()).as("from inclusive, until exclusive").containsExactly(mail, order);
        assertThat(store.find(TENANT, ann, InteractionQuery.all().between(T0.plusSeconds(61), null)).items())
                .containsExactly(order, call);
        assertThat(store.find(TENANT, ann, InteractionQuery.all().between(null, T0.plusSeconds(60))).items())
                .containsExactly(web);
        assertThat(store.find(TENANT, ann, InteractionQuery.all().withChannels(Set.of(Channel.WEB))
                .withTypes(Set.of(InteractionType.CALL))).items()).isEmpty();
    }

    @Test
    void find_pagesThroughAFilter_inBothDirections() {
        List<Interaction> expected = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            Interaction i = appended(Interaction.builder(TENANT, InteractionId.of(String.format("i-%02d", k)),
                    known("c-1"), k % 3 == 0 ? Channel.EMAIL : Channel.WEB, InteractionType.PAGE_VIEW,
                    T0.plusSeconds(60L * (k / 2))).build());
            if (i.channel() == Channel.WEB) {
                expected.add(i);
            }
        }
        InteractionQuery web = InteractionQuery.all().withChannels(Set.of(Channel.WEB)).withLimit(3);

        assertThat(Reads.findAll(store, TENANT, known("c-1"), web)).containsExactlyElementsOf(expected);
        assertThat(Reads.findAll(store, TENANT, known("c-1"), web.newestFirst()))
                .containsExactlyElementsOf(reversed(expected));
    }

    @Test
    void find_continuesFromItsCursor_despiteAppendsBeforeAndAfterIt() {
        Subject ann = known("c-1");
        List<Interaction> expected = new ArrayList<>(history(ann, "i-"));
        Page<Interaction> first = store.find(TENANT, ann, oldestFirst(4));
        assertThat(first.items()).containsExactlyElementsOf(expected.subList(0, 4));

        appended(interaction("a-early", ann, 0));
        Interaction late = appended(interaction("z-late", ann, 60));

        List<Interaction> rest = Reads.findAll(store, TENANT, ann,
                oldestFirst(4).after(first.nextCursor().orElseThrow()));
        List<Interaction> expectedRest = new ArrayList<>(expected.subList(4, expected.size()));
        expectedRest.add(late);
        assertThat(rest).containsExactlyElementsOf(expectedRest);
    }

    @Test
    void find_ofUnknownSubject_isEmpty() {
        appended(interaction("i-1", known("c-1"), 0));

        Page<Interaction> page = store.find(TENANT, known("c-2"), InteractionQuery.all());

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void find_withCursorNotMadeByTheStore_isRefused() {
        appended(interaction("i-1", known("c-1"), 0));

        assertThatThrownBy(() -> store.find(TENANT, known("c-1"), InteractionQuery.all().after(GARBAGE_CURSOR)))
                .isInstanceOf(ValidationException.class);
    }

    // ---------------------------------------------------------------- reassign

    @Test
    void reassign_movesEverything_intoTheTargetsOrder() {
        List<Interaction> visitorHistory = history(visitor("v-1"), "v-");
        List<Interaction> customerHistory = history(known("c-1"), "c-");

        int moved = store.reassign(TENANT, visitor("v-1"), cid("c-1"));

        assertThat(moved).isEqualTo(visitorHistory.size());
        assertThat(all(visitor("v-1"))).isEmpty();
        List<Interaction> expected = new ArrayList<>(customerHistory);
        visitorHistory.forEach(i -> expected.add(i.withSubject(known("c-1"))));
        expected.sort(InteractionModel.OLDEST_FIRST);
        assertThat(all(known("c-1"))).containsExactlyElementsOf(expected);
        assertThat(Reads.findAll(store, TENANT, known("c-1"), oldestFirst(3).newestFirst()))
                .containsExactlyElementsOf(reversed(expected));
        assertThat(store.count(TENANT)).isEqualTo(expected.size());
    }

    @Test
    void reassign_isIdempotent() {
        history(known("c-2"), "i-");
        store.reassign(TENANT, known("c-2"), cid("c-1"));

        assertThat(store.reassign(TENANT, known("c-2"), cid("c-1"))).isZero();
        assertThat(store.reassign(TENANT, visitor("v-never"), cid("c-1"))).isZero();
        assertThat(all(known("c-1"))).hasSize(10);
    }

    @Test
    void reassign_keepsIds_andKeys_withTheNewSubject() {
        Interaction i = appended(interaction("i-1", visitor("v-1"), 0));

        store.reassign(TENANT, visitor("v-1"), cid("c-1"));

        Interaction moved = i.withSubject(known("c-1"));
        assertThat(store.findById(TENANT, i.id())).contains(moved);
        assertThat(store.findByExternalId(TENANT, "webshop", "ext-i-1")).contains(moved);
        assertThat(store.append(i)).isEqualTo(new AppendResult.Duplicate(moved));
        assertThat(store.scan(TENANT, Optional.empty(), 10).items()).containsExactly(moved);
    }

    @Test
    void reassign_staysInItsTenant() {
        Interaction there = appended(interaction(OTHER_TENANT, "i-1", visitor("v-1"), 0));
        Interaction here = appended(interaction("i-1", visitor("v-1"), 0));

        assertThat(store.reassign(TENANT, visitor("v-1"), cid("c-1"))).isEqualTo(1);

        assertThat(Reads.findAll(store, OTHER_TENANT, visitor("v-1"), InteractionQuery.all())).containsExactly(there);
        assertThat(all(known("c-1"))).containsExactly(here.withSubject(known("c-1")));
        assertThat(Reads.findAll(store, OTHER_TENANT, known("c-1"), InteractionQuery.all())).isEmpty();
    }

    // ---------------------------------------------------------------- scan and count

    @Test
    void scan_returnsEveryInteractionExactlyOnce_inAppendOrder() {
        List<Interaction> appendOrder = new ArrayList<>();
        for (int k = 0; k < 23; k++) {
            appendOrder.add(appended(interaction(String.format("i-%02d", 22 - k), known("c-" + k % 4), 30 - k)));
        }

        for (int pageSize : new int[] {1, 4, 23, 24, InteractionStore.MAX_PAGE_SIZE}) {
            assertThat(Reads.scanAll(store, TENANT, pageSize)).as("page size %d", pageSize)
                    .containsExactlyElementsOf(appendOrder);
        }
    }

    @Test
    void scan_seesInteractionsAppendedDuringTheScan_atItsEnd() {
        List<Interaction> expected = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            expected.add(appended(interaction("i-" + k, known("c-1"), k)));
        }

        Page<Interaction> first = store.scan(TENANT, Optional.empty(), 4);
        Interaction during = appended(interaction("a-during", known("c-2"), 0));
        expected.add(during);
        List<Interaction> seen = new ArrayList<>(first.items());
        Page<Interaction> page = first;
        while (page.hasNext()) {
            page = store.scan(TENANT, page.nextCursor(), 4);
            seen.addAll(page.items());
        }

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void scan_continuesAfterItsCursor_whenThatInteractionWasErased() {
        InteractionErasure erasure = erasure();
        List<Interaction> kept = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            Interaction i = appended(interaction("i-" + k, k == 1 ? visitor("v-1") : known("c-1"), k));
            if (k != 1) {
                kept.add(i);
            }
        }

        Page<Interaction> first = store.scan(TENANT, Optional.empty(), 2);
        erasure.erase(TENANT, visitor("v-1"));
        List<Interaction> seen = new ArrayList<>(first.items());
        Page<Interaction> page = first;
        while (page.hasNext()) {
            page = store.scan(TENANT, page.nextCursor(), 2);
            seen.addAll(page.items());
        }

        assertThat(first.items()).hasSize(2);
        assertThat(seen).doesNotHaveDuplicates().containsAll(kept);
    }

    @Test
    void scan_ofEmptyTenant_isOneEmptyLastPage() {
        appended(interaction(OTHER_TENANT, "i-1", known("c-1"), 0));

        Page<Interaction> page = store.scan(TENANT, Optional.empty(), 10);

        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void scan_withLimitOutOfRange_isRefused() {
        appended(interaction("i-1", known("c-1"), 0));

        for (int limit : new int[] {0, -1, InteractionStore.MAX_PAGE_SIZE + 1}) {
            assertThatThrownBy(() -> store.scan(TENANT, Optional.empty(), limit)).as("limit %d", limit)
                    .isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void scan_withCursorNotMadeByTheStore_isRefused() {
        appended(interaction("i-1", known("c-1"), 0));

        assertThatThrownBy(() -> store.scan(TENANT, Optional.of(GARBAGE_CURSOR), 10))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void count_countsTheInteractionsOfOneTenant() {
        assertThat(store.count(TENANT)).isZero();
        appended(interaction("i-1", known("c-1"), 0));
        appended(interaction("i-2", visitor("v-1"), 0));
        store.append(interaction("i-2", visitor("v-1"), 0));
        appended(interaction(OTHER_TENANT, "i-1", known("c-1"), 0));

        assertThat(store.count(TENANT)).isEqualTo(2);
        assertThat(store.count(OTHER_TENANT)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- tenancy

    @Test
    void sameIdAndKeyInTwoTenants_areTwoInteractions() {
        Interaction here = appended(interaction("i-1", known("c-1"), 0));
        Interaction there = appended(interaction(OTHER_TENANT, "i-1", known("c-1"), 5));

        assertThat(store.findById(TENANT, here.id())).contains(here);
        assertThat(store.findById(OTHER_TENANT, here.id())).contains(there);
        assertThat(store.findByExternalId(OTHER_TENANT, "webshop", "ext-i-1")).contains(there);
        assertThat(all(known("c-1"))).containsExactly(here);
        assertThat(store.scan(OTHER_TENANT, Optional.empty(), 10).items()).containsExactly(there);
    }

    // ---------------------------------------------------------------- erasure

    @Test
    void declaredFeatures_areOffered_andNoOthers() {
        DeclaredFeatures.assertOfferedExactly(store, InteractionStore.class, features());
    }

    @Test
    void erase_removesTheSubjectsInteractions_andForgetsTheirKeys() {
        InteractionErasure erasure = erasure();
        List<Interaction> gone = history(visitor("v-1"), "i-");
        Interaction kept = appended(interaction("k-1", known("c-1"), 0));

        assertThat(erasure.erase(TENANT, visitor("v-1"))).isEqualTo(gone.size());

        assertThat(all(visitor("v-1"))).isEmpty();
        assertThat(store.count(TENANT)).isEqualTo(1);
        assertThat(Reads.scanAll(store, TENANT, 3)).containsExactly(kept);
        for (Interaction i : gone) {
            assertThat(store.findById(TENANT, i.id())).isEmpty();
            assertThat(store.findByExternalId(TENANT, i.source(), i.externalId())).isEmpty();
        }
        Interaction again = gone.get(0);
        assertThat(store.append(again)).isEqualTo(new AppendResult.Appended(again));
        assertThat(store.count(TENANT)).isEqualTo(2);
    }

    @Test
    void erase_isIdempotent() {
        InteractionErasure erasure = erasure();
        appended(interaction("i-1", known("c-1"), 0));

        assertThat(erasure.erase(TENANT, known("c-1"))).isEqualTo(1);
        assertThat(erasure.erase(TENANT, known("c-1"))).isZero();
        assertThat(erasure.erase(TENANT, visitor("v-never"))).isZero();
    }

    @Test
    void erase_staysInItsTenant() {
        InteractionErasure erasure = erasure();
        Interaction there = appended(interaction(OTHER_TENANT, "i-1", known("c-1"), 0));
        appended(interaction("i-1", known("c-1"), 0));

        assertThat(erasure.erase(TENANT, known("c-1"))).isEqualTo(1);

        assertThat(store.count(OTHER_TENANT)).isEqualTo(1);
        assertThat(store.findByExternalId(OTHER_TENANT, "webshop", "ext-i-1")).contains(there);
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    @Timeout(60)
    void concurrentAppendsOfOneKey_storeItOnce() throws InterruptedException {
        for (int round = 0; round < 20; round++) {
            String key = "ext-" + round;
            String prefix = "r" + round + "-t";
            List<Race.Outcome<AppendResult>> outcomes = Race.run(THREADS, t -> () -> store.append(
                    interaction(prefix + t, known("c-" + t), t).toBuilder().source("webshop", key)
                            .build()));

            assertThat(outcomes).allMatch(Race.Outcome::succeeded);
            List<AppendResult> results = outcomes.stream().map(Race.Outcome::value).toList();
            List<AppendResult> winners = results.stream().filter(AppendResult::appended).toList();
            assertThat(winners).as("round %d", round).hasSize(1);
            Interaction stored = winners.get(0).interaction();
            assertThat(results).allMatch(r -> r.interaction().equals(stored));
            assertThat(store.findByExternalId(TENANT, "webshop", key)).contains(stored);
        }
        assertThat(store.count(TENANT)).isEqualTo(20);
    }

    @Test
    @Timeout(60)
    void concurrentAppendsOfDistinctInteractions_storeEveryOne() throws InterruptedException {
        int perThread = 250;
        List<Race.Outcome<List<Interaction>>> outcomes = Race.run(THREADS, t -> () -> {
            List<Interaction> mine = new ArrayList<>();
            for (int k = 0; k < perThread; k++) {
                mine.add(appended(interaction("t" + t + "-" + k, known("c-" + k % 5), k % 7)));
            }
            return mine;
        });

        assertThat(outcomes).allMatch(Race.Outcome::succeeded);
        assertThat(store.count(TENANT)).isEqualTo((long) THREADS * perThread);
        for (Race.Outcome<List<Interaction>> o : outcomes) {
            for (Interaction i : o.value()) {
                assertThat(store.findById(TENANT, i.id())).contains(i);
            }
        }
        assertThat(Reads.scanAll(store, TENANT, 500)).hasSize(THREADS * perThread)
                .doesNotHaveDuplicates();
        int bySubject = 0;
        for (int c = 0; c < 5; c++) {
            List<Interaction> found = all(known("c-" + c));
            assertThat(found).isSortedAccordingTo(InteractionModel.OLDEST_FIRST);
            bySubject += found.size();
        }
        assertThat(bySubject).isEqualTo(THREADS * perThread);
    }

    @Test
    @Timeout(60)
    void concurrentBatchesOfOverlappingKeys_storeEachKeyOnce() throws InterruptedException {
        int keys = 40;
        List<Race.Outcome<List<AppendResult>>> outcomes = Race.run(THREADS, t -> () -> {
            List<Interaction> batch = new ArrayList<>();
            for (int k = 0; k < keys; k++) {
                if ((k + t) % 3 != 0) {
                    batch.add(interaction("t" + t + "-" + k, known("c-" + k % 4), k).toBuilder()
                            .source("webshop", "ext-" + k).build());
                }
            }
            Collections.shuffle(batch, new Random(t));
            return store.appendAll(batch);
        });

        assertThat(outcomes).allMatch(Race.Outcome::succeeded);
        Map<String, Integer> appendedPerKey = new HashMap<>();
        for (Race.Outcome<List<AppendResult>> o : outcomes) {
            for (AppendResult r : o.value()) {
                String key = r.interaction().externalId();
                assertThat(store.findByExternalId(TENANT, "webshop", key)).contains(r.interaction());
                appendedPerKey.merge(key, r.appended() ? 1 : 0, Integer::sum);
            }
        }
        assertThat(appendedPerKey).hasSize(keys).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
        assertThat(store.count(TENANT)).isEqualTo(keys);
        assertThat(Reads.scanAll(store, TENANT, 7)).hasSize(keys).doesNotHaveDuplicates();
    }

    // ---------------------------------------------------------------- model-based properties

    /**
     * Any sequence of appends (new, repeated keys, clashing ids), reassignments and erasures leaves the store
     * answering every read as a reference model of plain lists does.
     */
    @Property(tries = 200, seed = "20240501")
    void randomOperations_leaveTheStoreEqualToTheModel(
            @ForAll("interactionOperations") List<InteractionOp> operations) {
        runAgainstTheModel(operations);
    }

    /**
     * Random batches, with keys and ids repeated within a batch and held by interactions stored before, of several
     * subjects and tenants, among single appends, reassignments and erasures: each batch answers as appending its
     * interactions one by one would, and leaves the store in the same state (the same store order, the same answers
     * to every read).
     */
    @Property(tries = 100, seed = "20240512")
    void randomBatches_appendAsAppendingOneByOneWould(@ForAll("interactionBatches") List<InteractionOp> operations) {
        runAgainstTheModel(operations);
    }

    private void runAgainstTheModel(List<InteractionOp> operations) {
        store = newStore();
        boolean erasure = features().contains(StoreFeature.INTERACTION_ERASURE);
        InteractionModel model = new InteractionModel();
        for (InteractionOp op : operations) {
            if (op instanceof InteractionOp.Erase && !erasure) {
                continue;
            }
            op.run(store, model);
            model.assertSameAs(store);
        }
    }

    @Provide
    Arbitrary<List<InteractionOp>> interactionOperations() {
        return ModelArbitraries.interactionOperations();
    }

    @Provide
    Arbitrary<List<InteractionOp>> interactionBatches() {
        return ModelArbitraries.interactionBatches();
    }
}
