package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.spi.tck.Fixtures.T0;
import static org.crmkit.spi.tck.Fixtures.TENANT;
import static org.crmkit.spi.tck.Fixtures.cid;
import static org.crmkit.spi.tck.Fixtures.customer;
import static org.crmkit.spi.tck.Fixtures.email;
import static org.crmkit.spi.tck.Fixtures.identity;
import static org.crmkit.spi.tck.Fixtures.interaction;
import static org.crmkit.spi.tck.Fixtures.known;
import static org.crmkit.spi.tck.Fixtures.visitor;
import static org.crmkit.spi.tck.Fixtures.withContacts;
import static org.crmkit.spi.tck.Fixtures.withIdentities;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerErasure;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.event.OutboxBacklog;
import org.crmkit.spi.event.OutboxMessage;
import org.crmkit.spi.interaction.AppendResult;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionErasure;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.VisitorId;
import org.crmkit.spi.score.Score;
import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.segment.MembershipStore;
import org.crmkit.spi.storage.LockKey;
import org.crmkit.spi.storage.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of a whole {@link Storage}: atomic units over every port (writes commit together or are all undone;
 * a failed write changes nothing; a failed nested unit undoes the outermost one), locks (exclusive across threads,
 * reentrant, free of deadlock whatever the order of the keys), after-commit and after-rollback actions, outbox
 * messages invisible until their unit commits, and capabilities passed through from the ports; as JUnit 5 tests, a
 * concurrent test and a jqwik model-based property of random units. The consent ledger and the suppression list are
 * not covered here. Each port's own contract is in its own class ({@link CustomerStoreContract},
 * {@link InteractionStoreContract}, {@link ScoreStoreContract}, {@link MembershipStoreContract},
 * {@link OutboxContract}); run those too, on the storage's ports.
 *
 * <p>Extend it in a class named {@code …ContractTest}, return a new, empty storage from {@link #newStorage()} and
 * the features it promises from {@link #features()}, of every port's ({@link StoreFeature}). {@code newStorage()} is
 * called before every test and every try of a property, and the storage is closed after it, so storages must not
 * share data. Not thread-safe itself; some tests use several threads against the storage.
 */
public abstract class StorageContract {
    private static final int THREADS = 8;
    private static final LockKey KEY = LockKey.customer(TENANT, cid("c-0"));
    private static final LockKey OTHER_KEY = LockKey.customer(TENANT, cid("c-1"));

    private Storage storage;
    private final OutboxModel events = new OutboxModel();

    /** A new, empty storage. */
    protected abstract Storage newStorage();

    /** The optional features the storage under test promises, of all its ports; an empty set if none. */
    protected abstract Set<StoreFeature> features();

    /** The storage under test, new for every test. */
    protected final Storage storage() {
        return storage;
    }

    @BeforeEach
    final void createStorage() {
        storage = newStorage();
    }

    @AfterEach
    final void closeStorage() {
        storage.close();
    }

    /** Thrown by a unit's work to undo it. */
    private static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom() {
            super("boom", null, false, false);
        }
    }

    private <T> T unit(Supplier<T> work) {
        return storage.atomically(List.of(), work);
    }

    private void unit(Runnable work) {
        storage.atomically(List.of(), work);
    }

    /** Runs {@code writes} in a unit that then throws, and asserts that the storage answers as it did before. */
    private void assertUndone(Runnable writes) {
        StorageSnapshot before = StorageSnapshot.of(storage);
        Boom boom = new Boom();

        assertThatThrownBy(() -> unit(() -> {
            writes.run();
            throw boom;
        })).isSameAs(boom);

        assertThat(StorageSnapshot.of(storage)).isEqualTo(before);
    }

    private boolean declares(StoreFeature feature) {
        return features().contains(feature);
    }

    private DomainEvent event(int customer) {
        return OutboxModel.event(TENANT, customer, events.nextEvent());
    }

    private static MergeRecord record(Customer survivor, Customer merged) {
        return new MergeRecord(merged.tenant(), survivor.id(), merged.id(), T0, merged, new TreeMap<>());
    }

    // ---------------------------------------------------------------- capabilities

    @Test
    void declaredFeatures_areOfferedByTheStorageAndTheirPorts_andNoOthers() {
        DeclaredFeatures.assertOfferedExactly(storage, features());
    }

    @Test
    void capability_passesThroughToThePorts() {
        assertThat(storage.capability(Storage.class)).containsSame(storage);
        assertThat(storage.capability(CustomerStore.class)).containsSame(storage.customers());
        assertThat(storage.capability(ScoreStore.class)).containsSame(storage.scores());
        assertThat(storage.capability(MembershipStore.class)).containsSame(storage.memberships());
        assertThat(storage.capability(Outbox.class)).containsSame(storage.outbox());
        assertThat(storage.capability(Unoffered.class)).isEmpty();
        assertThatThrownBy(() -> storage.capability(null)).isInstanceOf(ValidationException.class);
    }

    /** A capability no storage offers. */
    private interface Unoffered {
    }

    // ---------------------------------------------------------------- commit

    @Test
    void atomically_returnsWhatTheWorkReturned_andEveryPortKeepsItsWrites() {
        Customer ann = withIdentities(withContacts(customer("c-0"), email("p0@example.com")), identity("u0"));
        Interaction visit = interaction("i-0", known("c-0"), 1);
        DomainEvent created = event(0);

        String result = storage.atomically(List.of(KEY), () -> {
            storage.customers().create(ann);
            storage.interactions().append(visit);
            storage.scores().put(TENANT, cid("c-0"), List.of(Score.of("engagement", 2, T0)));
            storage.memberships().enter(TENANT, "vip", cid("c-0"), T0);
            storage.outbox().append(created);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(storage.customers().findByIdentity(TENANT, identity("u0"))).contains(ann.toBuilder().version(1)
                .build());
        assertThat(storage.interactions().findById(TENANT, visit.id())).contains(visit);
        assertThat(storage.scores().find(TENANT, cid("c-0"), "engagement")).contains(Score.of("engagement", 2, T0));
        assertThat(storage.memberships().memberSince(TENANT, "vip", cid("c-0"))).contains(T0);
        assertThat(storage.outbox().pending(0, 10)).extracting(OutboxMessage::event).containsExactly(created);
    }

    // ---------------------------------------------------------------- undo, port by port and all together

    @Test
    void atomically_undoesCustomerWrites_whenItThrows() {
        Customer a = storage.customers().create(withIdentities(customer("c-0"), identity("u0")));
        Customer b = storage.customers().create(withIdentities(withContacts(customer("c-1"),
                email("p1@example.com")), identity("u1")));
        Customer x = storage.customers().create(withIdentities(withContacts(customer("c-5"),
                email("p3@example.com")), identity("u3")));
        Customer c = storage.customers().create(customer("c-2"));
        Customer w = storage.customers().create(customer("c-3"));
        Customer z = storage.customers().create(withContacts(customer("c-4"), email("p2@example.com")));
        Customer w2 = storage.customers().merge(w, z.version(), record(w, z));
        Customer c2 = storage.customers().merge(c, w2.version(), record(c, w2));

        assertUndone(() -> {
            storage.customers().create(withIdentities(withContacts(customer("c-9"), email("p1@example.com")),
                    identity("u5")));
            Customer a2 = storage.customers().update(a.toBuilder().tag("vip").identity(identity("u2"))
                    .removeIdentity(identity("u0")).build());
            storage.customers().update(a2.toBuilder().tag("again").build());
            storage.customers().merge(b.toBuilder().identity(identity("u3")).contactPoints(x.contactPoints())
                    .build(), x.version(), record(b, x));
            if (declares(StoreFeature.CUSTOMER_ERASURE)) {
                assertThat(storage.customers().capability(CustomerErasure.class).orElseThrow()
                        .erase(TENANT, c2.id())).isEqualTo(new CustomerErasure.Erased(true,
                        new TreeSet<>(List.of(cid("c-3"), cid("c-4")))));
            }
        });
    }

    @Test
    void atomically_undoesInteractionWrites_whenItThrows() {
        List<Interaction> before = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Interaction i = interaction("i-" + k, k % 2 == 0 ? visitor("v-3") : known("c-1"), k);
            storage.interactions().append(i);
            before.add(i);
        }
        storage.interactions().append(interaction("i-9", known("c-2"), 5));

        assertUndone(() -> {
            if (declares(StoreFeature.INTERACTION_ERASURE)) {
                assertThat(storage.interactions().capability(InteractionErasure.class).orElseThrow()
                        .erase(TENANT, known("c-2"))).isEqualTo(1);
            }
            storage.interactions().append(interaction("i-4", known("c-1"), 9));
            storage.interactions().append(interaction("i-5", visitor("v-4"), 0));
            assertThat(storage.interactions().reassign(TENANT, visitor("v-3"), cid("c-1"))).isEqualTo(2);
            storage.interactions().append(interaction("i-6", known("c-1"), 2));
            assertThat(storage.interactions().reassign(TENANT, known("c-1"), cid("c-0"))).isEqualTo(6);
            if (declares(StoreFeature.INTERACTION_ERASURE)) {
                assertThat(storage.interactions().capability(InteractionErasure.class).orElseThrow()
                        .erase(TENANT, known("c-0"))).isEqualTo(6);
            }
            storage.interactions().append(interaction("i-7", known("c-0"), 1));
        });
        assertThat(Reads.findAll(storage.interactions(), TENANT, visitor("v-3"), InteractionQuery.all()))
                .containsExactly(before.get(0), before.get(2));
    }

    @Test
    void atomically_undoesScoreAndMembershipWrites_whenItThrows() {
        storage.scores().put(TENANT, cid("c-0"), List.of(Score.of("engagement", 1, T0), Score.of("rfm.recency", 2,
                T0)));
        storage.scores().put(TENANT, cid("c-1"), List.of(Score.of("engagement", 3, T0)));
        storage.memberships().enter(TENANT, "vip", cid("c-0"), T0);
        storage.memberships().enter(TENANT, "vip", cid("c-1"), T0);
        storage.memberships().enter(TENANT, "newsletter", cid("c-1"), T0);

        assertUndone(() -> {
            storage.scores().put(TENANT, cid("c-0"), List.of(Score.of("engagement", 7, T0.plusSeconds(60))));
            storage.scores().put(TENANT, cid("c-2"), List.of(Score.of("rfm.frequency", 7, T0)));
            storage.scores().remove(TENANT, cid("c-1"));
            storage.memberships().enter(TENANT, "churn_risk", cid("c-2"), T0);
            storage.memberships().leave(TENANT, "vip", cid("c-0"));
            storage.memberships().enter(TENANT, "vip", cid("c-0"), T0.plusSeconds(60));
            storage.memberships().remove(TENANT, cid("c-1"));
            storage.memberships().clear(TENANT, "vip");
        });
    }

    @Test
    void atomically_undoesOutboxWrites_whenItThrows() {
        long first = storage.outbox().append(event(0));
        long second = storage.outbox().append(event(1));
        storage.outbox().append(event(2));
        storage.outbox().failed(second, T0.plusSeconds(10));
        storage.outbox().lease("relay-a", T0, Duration.ofSeconds(10));

        assertUndone(() -> {
            storage.outbox().append(event(0));
            storage.outbox().delivered(List.of(first));
            storage.outbox().failed(second, T0.plusSeconds(99));
            storage.outbox().release("relay-a");
            assertThat(storage.outbox().lease("relay-b", T0, Duration.ofSeconds(10))).isTrue();
        });
        assertThat(storage.outbox().lease("relay-b", T0.plusSeconds(5), Duration.ofSeconds(10)))
                .as("relay-a's lease is back").isFalse();
    }

    @Test
    void atomically_undoesTheWritesOfEveryPortTogether_whenItThrows() {
        Customer a = storage.customers().create(customer("c-0"));
        storage.interactions().append(interaction("i-0", known("c-0"), 0));

        assertUndone(() -> {
            storage.customers().update(a.toBuilder().tag("x").build());
            storage.customers().create(customer("c-1"));
            storage.interactions().append(interaction("i-1", known("c-0"), 1));
            storage.interactions().reassign(TENANT, known("c-0"), cid("c-1"));
            storage.scores().put(TENANT, cid("c-1"), List.of(Score.of("engagement", 1, T0)));
            storage.memberships().enter(TENANT, "vip", cid("c-1"), T0);
            storage.outbox().append(event(1));
        });
    }

    // ---------------------------------------------------------------- failed writes and nesting

    @Test
    void aWriteThatThrowsInsideAUnit_changesNothing_andTheUnitMayGoOn() {
        Customer a = storage.customers().create(withIdentities(customer("c-0"), identity("u0")));
        Interaction i0 = interaction("i-0", known("c-0"), 0);
        storage.interactions().append(i0);

        unit(() -> {
            assertThatThrownBy(() -> storage.customers().create(withIdentities(customer("c-1"), identity("u0"))))
                    .isInstanceOf(DuplicateKeyException.class);
            assertThatThrownBy(() -> storage.customers().update(a.toBuilder().version(7).build()))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertThatThrownBy(() -> storage.interactions().append(i0.toBuilder().source("webshop", "other")
                    .build())).isInstanceOf(DuplicateKeyException.class);
            assertThatThrownBy(() -> storage.scores().put(TENANT, cid("c-0"),
                    List.of(Score.of("engagement", 1, T0), Score.of("engagement", 2, T0))))
                    .isInstanceOf(ValidationException.class);
            storage.customers().create(customer("c-1"));
        });

        assertThat(storage.customers().findById(TENANT, cid("c-0"))).contains(a);
        assertThat(storage.customers().findById(TENANT, cid("c-1"))).isPresent();
        assertThat(storage.customers().findByIdentity(TENANT, identity("u0"))).contains(a);
        assertThat(Reads.scanAll(storage.interactions(), TENANT, 10)).containsExactly(i0);
        assertThat(storage.scores().find(TENANT, cid("c-0"))).isEmpty();
    }

    @Test
    void aNestedUnit_commitsOrIsUndoneWithTheOutermost() {
        Boom boom = new Boom();

        assertThatThrownBy(() -> unit(() -> {
            unit(() -> storage.customers().create(customer("c-0")));
            storage.customers().create(customer("c-1"));
            throw boom;
        })).isSameAs(boom);
        unit(() -> {
            storage.customers().create(customer("c-2"));
            unit(() -> storage.customers().create(customer("c-3")));
        });

        assertThat(Reads.scanAll(storage.customers(), TENANT, 10)).extracting(Customer::id)
                .containsExactly(cid("c-2"), cid("c-3"));
    }

    @Test
    void aNestedUnitThatThrows_undoesTheOutermost_evenWhenItsExceptionIsCaught() {
        Boom boom = new Boom();
        AtomicBoolean committed = new AtomicBoolean();
        AtomicBoolean undone = new AtomicBoolean();

        assertThatThrownBy(() -> unit(() -> {
            storage.customers().create(customer("c-0"));
            storage.afterCommit(() -> committed.set(true));
            storage.afterRollback(() -> undone.set(true));
            try {
                unit(() -> {
                    storage.customers().create(customer("c-1"));
                    throw boom;
                });
            } catch (Boom caught) {
                storage.customers().create(customer("c-2"));
            }
        })).isInstanceOf(IllegalStateException.class).hasCause(boom);

        assertThat(storage.customers().count(TENANT)).isZero();
        assertThat(committed).isFalse();
        assertThat(undone).isTrue();
    }

    // ---------------------------------------------------------------- after commit, after rollback

    @Test
    void afterCommit_runsOnceTheOutermostUnitCommitted_inOrder_onTheCallingThread() {
        List<String> ran = new ArrayList<>();
        Thread caller = Thread.currentThread();

        unit(() -> {
            storage.afterCommit(() -> ran.add("first " + (Thread.currentThread() == caller)));
            unit(() -> storage.afterCommit(() -> ran.add("nested " + (Thread.currentThread() == caller))));
            storage.customers().create(customer("c-0"));
            assertThat(ran).as("before the unit ended").isEmpty();
        });

        assertThat(ran).containsExactly("first true", "nested true");
    }

    @Test
    void afterCommit_outsideAUnit_runsAtOnce_andAfterRollbackNever() {
        List<String> ran = new ArrayList<>();

        storage.afterCommit(() -> ran.add("commit"));
        storage.afterRollback(() -> ran.add("rollback"));
        unit(() -> storage.customers().create(customer("c-0")));

        assertThat(ran).containsExactly("commit");
    }

    @Test
    void afterRollback_runsOnceTheUnitWasUndone_andAfterCommitNot() {
        List<String> ran = new ArrayList<>();
        Boom boom = new Boom();

        assertThatThrownBy(() -> unit(() -> {
            storage.customers().create(customer("c-0"));
            storage.afterCommit(() -> ran.add("commit"));
            storage.afterRollback(() -> ran.add("rollback, c-0 stored: "
                    + storage.customers().findById(TENANT, cid("c-0")).isPresent()));
            storage.afterRollback(() -> ran.add("second rollback"));
            throw boom;
        })).isSameAs(boom);
        unit(() -> storage.afterRollback(() -> ran.add("rollback of a committed unit")));

        assertThat(ran).containsExactly("rollback, c-0 stored: false", "second rollback");
    }

    @Test
    void afterCommitAndAfterRollbackActions_runOutsideTheUnit_soWhatTheyWriteStays() {
        unit(() -> {
            storage.customers().create(customer("c-0"));
            storage.afterCommit(() -> {
                storage.customers().create(customer("c-1"));
                assertThatThrownBy(() -> unit(() -> {
                    storage.customers().create(customer("c-2"));
                    throw new Boom();
                })).isInstanceOf(Boom.class);
            });
        });
        assertThatThrownBy(() -> unit(() -> {
            storage.customers().create(customer("c-3"));
            storage.afterRollback(() -> storage.customers().create(customer("c-4")));
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertThat(Reads.scanAll(storage.customers(), TENANT, 10)).extracting(Customer::id)
                .containsExactly(cid("c-0"), cid("c-1"), cid("c-4"));
    }

    @Test
    void aFailingAfterCommitAction_reachesTheCaller_afterTheOthersRan_andTheUnitStaysCommitted() {
        List<String> ran = new ArrayList<>();
        Boom boom = new Boom();

        assertThatThrownBy(() -> unit(() -> {
            storage.customers().create(customer("c-0"));
            storage.afterCommit(() -> {
                throw boom;
            });
            storage.afterCommit(() -> ran.add("second"));
        })).isSameAs(boom);

        assertThat(ran).containsExactly("second");
        assertThat(storage.customers().findById(TENANT, cid("c-0"))).isPresent();
    }

    @Test
    @Timeout(60)
    void afterCommitActions_runWhileTheUnitsLocksAreHeld() throws InterruptedException {
        AtomicBoolean otherEntered = new AtomicBoolean();
        AtomicBoolean enteredDuringAction = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            started.countDown();
            storage.atomically(List.of(KEY), () -> otherEntered.set(true));
        });

        storage.atomically(List.of(KEY), () -> storage.afterCommit(() -> {
            other.start();
            try {
                started.await();
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            enteredDuringAction.set(otherEntered.get());
        }));
        other.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(enteredDuringAction).as("another unit entered the key during the action").isFalse();
        assertThat(otherEntered).isTrue();
    }

    // ---------------------------------------------------------------- locks

    @Test
    @Timeout(60)
    void unitsOnOneKey_neverOverlap() throws InterruptedException {
        int[] counter = {0};
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();

        List<Race.Outcome<Void>> outcomes = Race.run(THREADS, t -> () -> {
            for (int i = 0; i < 300; i++) {
                storage.atomically(List.of(KEY), () -> {
                    if (inside.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    int read = counter[0];
                    Thread.yield();
                    counter[0] = read + 1;
                    inside.decrementAndGet();
                });
            }
            return null;
        });

        assertThat(outcomes).allMatch(Race.Outcome::succeeded);
        assertThat(overlaps).hasValue(0);
        storage.atomically(List.of(KEY), () -> assertThat(counter[0]).isEqualTo(THREADS * 300));
    }

    @Test
    @Timeout(60)
    void locks_areReentrant() {
        AtomicBoolean reached = new AtomicBoolean();

        storage.atomically(List.of(KEY, KEY, OTHER_KEY), () -> storage.atomically(List.of(KEY), () ->
                storage.atomically(List.of(OTHER_KEY, KEY), () -> reached.set(true))));

        assertThat(reached).isTrue();
    }

    @Test
    @Timeout(60)
    void unitsTakingKeysInDifferentOrders_neverDeadlock() throws InterruptedException {
        List<LockKey> keys = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            keys.add(LockKey.customer(TENANT, cid("c-" + k)));
        }
        keys.add(LockKey.visitor(TENANT, VisitorId.of("v-0")));
        AtomicInteger units = new AtomicInteger();

        List<Race.Outcome<Void>> outcomes = Race.run(THREADS, t -> () -> {
            for (int i = 0; i < 500; i++) {
                List<LockKey> mine = new ArrayList<>(keys);
                Collections.rotate(mine, t + i);
                if ((t + i) % 2 == 0) {
                    Collections.reverse(mine);
                }
                storage.atomically(mine.subList(0, 2 + (t + i) % 4), () -> {
                    units.incrementAndGet();
                    Thread.yield();
                });
            }
            return null;
        });

        assertThat(outcomes).allMatch(Race.Outcome::succeeded);
        assertThat(units).hasValue(THREADS * 500);
    }

    @Test
    void atomically_withNullArguments_isRefused_andRunsNothing() {
        List<LockKey> withNull = new ArrayList<>();
        withNull.add(null);
        AtomicBoolean ran = new AtomicBoolean();

        assertThatThrownBy(() -> storage.atomically(null, () -> ran.set(true)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> storage.atomically(withNull, () -> ran.set(true)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> storage.atomically(List.of(), (Supplier<Object>) null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> storage.atomically(List.of(), (Runnable) null))
                .isInstanceOf(ValidationException.class);
        assertThat(ran).isFalse();
    }

    // ---------------------------------------------------------------- the outbox in units

    @Test
    @Timeout(60)
    void anOutboxMessage_isNotPendingBeforeItsUnitCommitted() throws InterruptedException {
        DomainEvent event = event(0);
        List<Object> seenInside = new ArrayList<>();
        long[] sequence = new long[1];

        unit(() -> {
            sequence[0] = storage.outbox().append(event);
            seenInside.add(storage.outbox().pending(0, 10));
            seenInside.add(storage.outbox().backlog());
            Thread reader = new Thread(() -> {
                seenInside.add(storage.outbox().pending(0, 10));
                seenInside.add(storage.outbox().backlog());
            });
            reader.start();
            try {
                reader.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(seenInside).containsExactly(List.of(), OutboxBacklog.EMPTY, List.of(), OutboxBacklog.EMPTY);
        assertThat(storage.outbox().pending(0, 10)).containsExactly(OutboxMessage.of(sequence[0], event));
        assertThat(storage.outbox().backlog()).isEqualTo(new OutboxBacklog(1, Optional.of(event.at())));
    }

    @Test
    void anOutboxMessage_isPendingWhenTheUnitsAfterCommitActionsRun() {
        List<List<OutboxMessage>> seen = new ArrayList<>();
        DomainEvent event = event(0);

        unit(() -> {
            storage.outbox().append(event);
            storage.afterCommit(() -> seen.add(storage.outbox().pending(0, 10)));
        });

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).extracting(OutboxMessage::event).containsExactly(event);
    }

    @Test
    void anOutboxMessageOfAnUndoneUnit_isNeverPending_andDeliveringItsSequenceChangesNothing() {
        DomainEvent kept = event(0);
        long keptSequence = storage.outbox().append(kept);
        long[] undone = new long[1];

        assertThatThrownBy(() -> unit(() -> {
            undone[0] = storage.outbox().append(event(1));
            throw new Boom();
        })).isInstanceOf(Boom.class);
        storage.outbox().delivered(List.of(undone[0]));
        storage.outbox().failed(undone[0], T0);
        DomainEvent later = event(2);
        long laterSequence = storage.outbox().append(later);

        assertThat(laterSequence).isGreaterThan(undone[0]);
        assertThat(storage.outbox().pending(0, 10)).containsExactly(OutboxMessage.of(keptSequence, kept),
                OutboxMessage.of(laterSequence, later));
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    @Timeout(120)
    void concurrentUnitsOnTheirOwnCustomers_keepExactlyTheWritesOfTheCommittedOnes() throws InterruptedException {
        int perThread = 90;
        List<Race.Outcome<Integer>> outcomes = Race.run(THREADS, t -> () -> {
            String id = "c-t" + t;
            storage.customers().create(customer(id));
            int committed = 0;
            for (int i = 0; i < perThread; i++) {
                int n = i;
                boolean fails = n % 3 == 2;
                try {
                    storage.atomically(List.of(LockKey.customer(TENANT, cid(id))), () -> {
                        Customer c = storage.customers().findById(TENANT, cid(id)).orElseThrow();
                        storage.customers().update(c.toBuilder().tag("n" + n).build());
                        storage.interactions().append(interaction("t" + t + "-" + n, known(id), n));
                        storage.scores().put(TENANT, cid(id), List.of(Score.of("s.n" + n, n, T0)));
                        storage.memberships().enter(TENANT, "seg" + n % 5, cid(id), T0);
                        storage.outbox().append(OutboxModel.event(TENANT, 0, t * 1_000L + n));
                        if (fails) {
                            throw new Boom();
                        }
                    });
                    committed++;
                } catch (Boom expected) {
                    assertThat(fails).isTrue();
                }
            }
            return committed;
        });

        assertThat(outcomes).allMatch(Race.Outcome::succeeded);
        int committed = perThread * 2 / 3;
        for (int t = 0; t < THREADS; t++) {
            String id = "c-t" + t;
            List<InteractionId> expected = new ArrayList<>();
            for (int n = 0; n < perThread; n++) {
                if (n % 3 != 2) {
                    expected.add(InteractionId.of("t" + t + "-" + n));
                }
            }
            assertThat(outcomes.get(t).value()).isEqualTo(committed);
            assertThat(storage.customers().findById(TENANT, cid(id)).orElseThrow().version()).as(id)
                    .isEqualTo(1L + committed);
            assertThat(Reads.findAll(storage.interactions(), TENANT, known(id), InteractionQuery.all()))
                    .as(id).extracting(Interaction::id).containsExactlyElementsOf(expected);
            assertThat(storage.scores().find(TENANT, cid(id))).as(id).hasSize(committed);
            assertThat(storage.memberships().segmentsOf(TENANT, cid(id))).as(id).hasSize(5);
        }
        assertThat(storage.interactions().count(TENANT)).isEqualTo((long) THREADS * committed);
        assertThat(Reads.pendingAll(storage.outbox(), 500)).hasSize(THREADS * committed);
    }

    @Test
    @Timeout(120)
    void concurrentUnitsAppendingTheSameKeys_allCommit_andStoreEachKeyOnce() throws InterruptedException {
        int rounds = 3;
        int perRound = 10;
        List<Race.Outcome<List<AppendResult>>> outcomes = Race.run(THREADS, t -> () -> {
            List<AppendResult> results = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                List<Interaction> batch = new ArrayList<>();
                for (int k = round * perRound; k < (round + 1) * perRound; k++) {
                    batch.add(interaction("t" + t + "-" + k, known("c-" + k % 3), k).toBuilder()
                            .source("webshop", "batch-" + k).build());
                }
                Collections.shuffle(batch, new Random(t * 31L + round));
                Interaction single = interaction("t" + t + "-s" + round, known("c-0"), round).toBuilder()
                        .source("webshop", "single-" + round).build();
                results.addAll(unit(() -> {
                    List<AppendResult> inUnit = new ArrayList<>(storage.interactions().appendAll(batch));
                    inUnit.add(storage.interactions().append(single));
                    return inUnit;
                }));
            }
            return results;
        });

        assertThat(outcomes).allMatch(Race.Outcome::succeeded);
        Map<String, Integer> appendedPerKey = new HashMap<>();
        for (Race.Outcome<List<AppendResult>> o : outcomes) {
            for (AppendResult r : o.value()) {
                String key = r.interaction().externalId();
                assertThat(storage.interactions().findByExternalId(TENANT, "webshop", key)).contains(r.interaction());
                appendedPerKey.merge(key, r.appended() ? 1 : 0, Integer::sum);
            }
        }
        assertThat(appendedPerKey).hasSize(rounds * (perRound + 1))
                .allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
        assertThat(Reads.scanAll(storage.interactions(), TENANT, 7)).hasSize(rounds * (perRound + 1))
                .doesNotHaveDuplicates();
    }

    // ---------------------------------------------------------------- model-based property

    /**
     * Any sequence of units of random writes to every port (some of which fail as the model predicts, inside the
     * unit) leaves the storage answering as a model does that keeps the writes of the units that committed and
     * drops those of the units that were undone.
     */
    @Property(tries = 100, seed = "20240506")
    void randomUnits_leaveTheStorageEqualToTheModel(@ForAll("storageUnits") List<StorageUnit> units) {
        storage = newStorage();
        try {
            Set<StoreFeature> features = features();
            StorageModel model = new StorageModel();
            for (StorageUnit unit : units) {
                model = unit.run(storage, model, features);
                model.assertSameAs(storage);
            }
        } finally {
            storage.close();
        }
    }

    @Provide
    Arbitrary<List<StorageUnit>> storageUnits() {
        return ModelArbitraries.storageUnits();
    }
}
