package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.spi.tck.Fixtures.OTHER_TENANT;
import static org.crmkit.spi.tck.Fixtures.T0;
import static org.crmkit.spi.tck.Fixtures.TENANT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.event.OutboxBacklog;
import org.crmkit.spi.event.OutboxMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link Outbox} used outside units, as JUnit 5 tests and a jqwik model-based property: order,
 * paging, delivery, failures, the backlog, the relay lease, tenancy, and concurrent appends. How an outbox behaves
 * inside the units of its storage (a message is pending only once its unit committed) is part of
 * {@link StorageContract}.
 *
 * <p>Extend it in a class named {@code …ContractTest}, return a new, empty outbox from {@link #newStore()} and the
 * features it promises from {@link #features()}. {@code newStore()} is called before every test and every try of a
 * property, so outboxes must not share data. Not thread-safe itself; some tests use several threads against the
 * outbox.
 */
public abstract class OutboxContract {
    private static final int THREADS = 8;
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private Outbox outbox;
    private final OutboxModel events = new OutboxModel();

    /** A new, empty outbox. */
    protected abstract Outbox newStore();

    /**
     * The optional features the outbox under test promises, of those of {@link Outbox} ({@link StoreFeature#of});
     * an empty set if none.
     */
    protected abstract Set<StoreFeature> features();

    /** The outbox under test, new for every test. */
    protected final Outbox store() {
        return outbox;
    }

    @BeforeEach
    final void createStore() {
        outbox = newStore();
    }

    private DomainEvent event() {
        return OutboxModel.event(TENANT, 0, events.nextEvent());
    }

    /** Appends {@code n} events; their messages, in order. */
    private List<OutboxMessage> appended(int n) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DomainEvent e = event();
            messages.add(OutboxMessage.of(outbox.append(e), e));
        }
        return messages;
    }

    private static List<Long> sequences(List<OutboxMessage> messages) {
        return messages.stream().map(OutboxMessage::sequence).toList();
    }

    @Test
    void declaredFeatures_areOffered_andNoOthers() {
        DeclaredFeatures.assertOfferedExactly(outbox, Outbox.class, features());
    }

    // ---------------------------------------------------------------- append and pending

    @Test
    void append_givesPositiveAscendingSequences_andTheMessagesArePending() {
        List<OutboxMessage> messages = appended(5);

        assertThat(sequences(messages)).allMatch(s -> s > 0).isSorted().doesNotHaveDuplicates();
        assertThat(outbox.pending(0, 10)).containsExactlyElementsOf(messages);
    }

    @Test
    void pending_readsAPageAtATime_afterTheGivenSequence() {
        List<OutboxMessage> messages = appended(7);

        assertThat(outbox.pending(0, 3)).containsExactlyElementsOf(messages.subList(0, 3));
        assertThat(outbox.pending(messages.get(2).sequence(), 3)).containsExactlyElementsOf(messages.subList(3, 6));
        assertThat(outbox.pending(messages.get(5).sequence(), 3)).containsExactly(messages.get(6));
        assertThat(outbox.pending(messages.get(6).sequence(), 3)).isEmpty();
        assertThat(Reads.pendingAll(outbox, 2)).containsExactlyElementsOf(messages);
    }

    @Test
    void pending_withANegativeSequenceOrALimitOutOfRange_isRefused() {
        appended(1);

        assertThatThrownBy(() -> outbox.pending(-1, 10)).isInstanceOf(ValidationException.class);
        for (int limit : new int[] {0, -1, Outbox.MAX_PAGE_SIZE + 1}) {
            assertThatThrownBy(() -> outbox.pending(0, limit)).as("limit %d", limit)
                    .isInstanceOf(ValidationException.class);
        }
        assertThat(outbox.pending(0, Outbox.MAX_PAGE_SIZE)).hasSize(1);
    }

    @Test
    void nullArguments_areRefusedAsValidation_notAsNullPointer() {
        List<Long> withNull = new ArrayList<>();
        withNull.add(null);

        assertThatThrownBy(() -> outbox.append(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> outbox.delivered(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> outbox.delivered(withNull)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> outbox.failed(1, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> outbox.lease(null, T0, TEN_SECONDS)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> outbox.lease("relay-a", null, TEN_SECONDS)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> outbox.lease("relay-a", T0, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> outbox.release(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> outbox.discard(null)).isInstanceOf(ValidationException.class);
        List<String> nullKey = new ArrayList<>();
        nullKey.add(null);
        assertThatThrownBy(() -> outbox.discard(nullKey)).isInstanceOf(ValidationException.class);
        assertThat(outbox.backlog()).isEqualTo(OutboxBacklog.EMPTY);
    }

    // ---------------------------------------------------------------- delivered

    @Test
    void delivered_removesTheMessages_andIsIdempotent_ignoringSequencesNotPending() {
        List<OutboxMessage> messages = appended(5);
        long unknown = messages.get(4).sequence() + 100;

        outbox.delivered(List.of(messages.get(1).sequence(), messages.get(3).sequence(), unknown));
        outbox.delivered(List.of(messages.get(1).sequence()));
        outbox.delivered(List.of());

        assertThat(outbox.pending(0, 10)).containsExactly(messages.get(0), messages.get(2), messages.get(4));
        assertThat(outbox.pending(messages.get(0).sequence(), 1)).containsExactly(messages.get(2));
    }

    @Test
    void discard_removesWhatWaitsAboutTheGivenKeysOnly_andSaysHowMany() {
        DomainEvent ann = OutboxModel.event(Fixtures.TENANT, 0, 1);
        DomainEvent bob = OutboxModel.event(Fixtures.TENANT, 1, 2);
        DomainEvent annAgain = OutboxModel.event(Fixtures.TENANT, 0, 3);
        DomainEvent annElsewhere = OutboxModel.event(Fixtures.OTHER_TENANT, 0, 4);
        long a = outbox.append(ann);
        long b = outbox.append(bob);
        outbox.append(annAgain);
        long c = outbox.append(annElsewhere);

        assertThat(outbox.discard(List.of(ann.orderingKey()))).isEqualTo(2);
        assertThat(outbox.discard(List.of(ann.orderingKey()))).isZero();
        assertThat(outbox.discard(List.of())).isZero();

        assertThat(outbox.pending(0, 10)).extracting(OutboxMessage::sequence).containsExactly(b, c);
        assertThat(outbox.backlog().count()).isEqualTo(2);
        assertThat(a).isLessThan(b);
    }

    @Test
    void sequences_areNeverGivenOutAgain_afterEverythingWasDelivered() {
        List<OutboxMessage> first = appended(3);
        outbox.delivered(sequences(first));

        List<OutboxMessage> next = appended(2);

        assertThat(next.get(0).sequence()).isGreaterThan(first.get(2).sequence());
        assertThat(outbox.pending(0, 10)).containsExactlyElementsOf(next);
    }

    @Test
    void manyMessages_deliveredInPagesInterleavedWithAppends_areEachReadOnce() {
        List<OutboxMessage> all = new ArrayList<>(appended(10_000));
        List<OutboxMessage> read = new ArrayList<>();
        long after = 0;
        for (int round = 0; round < 40; round++) {
            List<OutboxMessage> page = outbox.pending(after, 1024);
            read.addAll(page);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).sequence();
                outbox.delivered(sequences(page));
            }
            all.addAll(appended(200));
        }
        read.addAll(Reads.pendingAll(outbox, 1024));

        assertThat(read).containsExactlyElementsOf(all);
    }

    // ---------------------------------------------------------------- failed

    @Test
    void failed_countsTheAttempts_andKeepsTheLatestRetry_andTheMessageStaysPending() {
        List<OutboxMessage> messages = appended(2);
        long first = messages.get(0).sequence();

        outbox.failed(first, T0.plusSeconds(30));
        outbox.failed(first, T0.plusSeconds(90));

        OutboxMessage failed = outbox.pending(0, 10).get(0);
        assertThat(failed.sequence()).isEqualTo(first);
        assertThat(failed.event()).isEqualTo(messages.get(0).event());
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.retryAt()).contains(T0.plusSeconds(90));
        assertThat(failed.isDue(T0.plusSeconds(89))).isFalse();
        assertThat(outbox.pending(0, 10).get(1)).isEqualTo(messages.get(1));
        assertThat(outbox.backlog().count()).isEqualTo(2);
    }

    @Test
    void failed_ofAMessageNotPending_isIgnored() {
        List<OutboxMessage> messages = appended(2);
        outbox.delivered(List.of(messages.get(0).sequence()));

        outbox.failed(messages.get(0).sequence(), T0);
        outbox.failed(messages.get(1).sequence() + 10, T0);

        assertThat(outbox.pending(0, 10)).containsExactly(messages.get(1));
    }

    // ---------------------------------------------------------------- backlog

    @Test
    void backlog_countsThePendingMessages_andNamesTheInstantOfTheOldest() {
        assertThat(outbox.backlog()).isEqualTo(OutboxBacklog.EMPTY);
        List<OutboxMessage> messages = appended(3);

        assertThat(outbox.backlog()).isEqualTo(new OutboxBacklog(3, Optional.of(messages.get(0).event().at())));

        outbox.delivered(List.of(messages.get(0).sequence()));
        assertThat(outbox.backlog()).isEqualTo(new OutboxBacklog(2, Optional.of(messages.get(1).event().at())));

        outbox.delivered(sequences(messages));
        assertThat(outbox.backlog()).isEqualTo(OutboxBacklog.EMPTY);
    }

    // ---------------------------------------------------------------- lease

    @Test
    void lease_isExclusive_untilItExpires_andRenewableByItsOwner() {
        assertThat(outbox.lease("relay-a", T0, TEN_SECONDS)).isTrue();
        assertThat(outbox.lease("relay-b", T0.plusSeconds(5), TEN_SECONDS)).isFalse();
        assertThat(outbox.lease("relay-a", T0.plusSeconds(8), TEN_SECONDS)).isTrue();
        assertThat(outbox.lease("relay-b", T0.plusSeconds(15), TEN_SECONDS)).as("renewed until 18 s").isFalse();
        assertThat(outbox.lease("relay-b", T0.plusSeconds(18), TEN_SECONDS)).as("expired at 18 s").isTrue();
        assertThat(outbox.lease("relay-a", T0.plusSeconds(19), TEN_SECONDS)).isFalse();
    }

    @Test
    void release_freesTheLeaseAtOnce_butOnlyForItsOwner() {
        outbox.lease("relay-a", T0, TEN_SECONDS);

        outbox.release("relay-b");
        assertThat(outbox.lease("relay-b", T0.plusSeconds(1), TEN_SECONDS)).isFalse();

        outbox.release("relay-a");
        assertThat(outbox.lease("relay-b", T0.plusSeconds(1), TEN_SECONDS)).isTrue();
        outbox.release("relay-a");
        assertThat(outbox.lease("relay-a", T0.plusSeconds(2), TEN_SECONDS)).isFalse();
    }

    @Test
    void lease_withADurationNotPositiveOrAnOwnerNotAToken_isRefused() {
        assertThatThrownBy(() -> outbox.lease("relay-a", T0, Duration.ZERO)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> outbox.lease("relay-a", T0, Duration.ofSeconds(-1)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> outbox.lease("relay a", T0, TEN_SECONDS)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> outbox.lease("r".repeat(129), T0, TEN_SECONDS))
                .isInstanceOf(ValidationException.class);
        assertThat(outbox.lease("relay-b", T0, TEN_SECONDS)).isTrue();
    }

    // ---------------------------------------------------------------- tenancy

    @Test
    void oneOutboxHoldsTheEventsOfEveryTenant_eachNamingItsOwn() {
        DomainEvent here = OutboxModel.event(TENANT, 0, events.nextEvent());
        DomainEvent there = OutboxModel.event(OTHER_TENANT, 0, events.nextEvent());
        long hereSequence = outbox.append(here);
        long thereSequence = outbox.append(there);

        assertThat(outbox.pending(0, 10)).containsExactly(OutboxMessage.of(hereSequence, here),
                OutboxMessage.of(thereSequence, there));
        assertThat(outbox.pending(0, 10)).extracting(m -> m.event().tenant()).containsExactly(TENANT, OTHER_TENANT);
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    @Timeout(60)
    void concurrentAppends_giveUniqueSequences_ascendingInEachThreadsOrder() throws InterruptedException {
        int perThread = 500;
        List<Race.Outcome<List<Long>>> outcomes = Race.run(THREADS, t -> () -> {
            List<Long> mine = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                mine.add(outbox.append(OutboxModel.event(TENANT, t % OutboxModel.CUSTOMERS, t * 10_000L + i)));
            }
            return mine;
        });

        assertThat(outcomes).allMatch(Race.Outcome::succeeded);
        Set<Long> all = new HashSet<>();
        for (Race.Outcome<List<Long>> o : outcomes) {
            assertThat(o.value()).isSorted().doesNotHaveDuplicates();
            all.addAll(o.value());
        }
        assertThat(all).hasSize(THREADS * perThread);
        List<OutboxMessage> pending = Reads.pendingAll(outbox, 1000);
        assertThat(sequences(pending)).isSorted().containsExactlyInAnyOrderElementsOf(all);
        assertThat(outbox.backlog().count()).isEqualTo(THREADS * perThread);
    }

    @Test
    @Timeout(60)
    void aRelayDeliveringWhileOthersAppend_deliversEveryMessageExactlyOnce() throws InterruptedException {
        int producers = THREADS - 1;
        int perThread = 2_000;
        AtomicInteger running = new AtomicInteger(producers);
        Set<Long> delivered = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();

        List<Race.Outcome<Integer>> outcomes = Race.run(THREADS, t -> () -> {
            if (t < producers) {
                for (int i = 0; i < perThread; i++) {
                    outbox.append(OutboxModel.event(TENANT, t % OutboxModel.CUSTOMERS, t * 10_000L + i));
                }
                running.decrementAndGet();
                return perThread;
            }
            long after = 0;
            boolean finished = false;
            while (!finished) {
                boolean last = running.get() == 0;
                List<OutboxMessage> page = outbox.pending(after, 256);
                if (page.isEmpty()) {
                    finished = last && after == 0;
                    after = 0;
                    continue;
                }
                for (OutboxMessage m : page) {
                    if (!delivered.add(m.sequence())) {
                        duplicates.incrementAndGet();
                    }
                }
                after = page.get(page.size() - 1).sequence();
                outbox.delivered(sequences(page));
            }
            return delivered.size();
        });

        assertThat(outcomes).allMatch(Race.Outcome::succeeded);
        assertThat(duplicates).hasValue(0);
        assertThat(delivered).hasSize(producers * perThread);
        assertThat(outbox.backlog()).isEqualTo(OutboxBacklog.EMPTY);
    }

    @Test
    @Timeout(60)
    void concurrentLeaseRequests_letExactlyOneOwnerWin() throws InterruptedException {
        for (int round = 0; round < 20; round++) {
            Instant now = T0.plus(TEN_SECONDS.multipliedBy(2L * round));
            List<Race.Outcome<Boolean>> outcomes = Race.run(THREADS,
                    t -> () -> outbox.lease("relay-" + t, now, TEN_SECONDS));

            assertThat(outcomes).allMatch(Race.Outcome::succeeded);
            assertThat(outcomes.stream().filter(Race.Outcome::value)).as("round %d", round).hasSize(1);
        }
    }

    // ---------------------------------------------------------------- model-based property

    /**
     * Any sequence of appends, deliveries and failures (of pending, delivered and unknown sequences), lease requests
     * and releases leaves the outbox answering as a model does.
     */
    @Property(tries = 200, seed = "20240505")
    void randomOperations_leaveTheOutboxEqualToTheModel(@ForAll("outboxOperations") List<OutboxOp> operations) {
        outbox = newStore();
        OutboxModel model = new OutboxModel();
        for (OutboxOp op : operations) {
            op.run(outbox, model);
            model.assertSameAs(outbox);
        }
    }

    @Provide
    Arbitrary<List<OutboxOp>> outboxOperations() {
        return ModelArbitraries.outboxOperations();
    }
}
