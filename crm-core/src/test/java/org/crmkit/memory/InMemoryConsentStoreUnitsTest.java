package org.crmkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.LedgerErasure;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.Salt;
import org.crmkit.spi.consent.SuppressionEntry;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The consent store in the units of an {@link InMemoryStorage}: appends are read-committed and undone from the end,
 * erasures and list changes are undone with their unit.
 */
@Timeout(30)
class InMemoryConsentStoreUnitsTest {
    private static final TenantId T = TenantId.of("t");
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryStorage storage = new InMemoryStorage();
    private final ConsentStore ledger = storage.consents();

    private static LedgerEntry entry(long sequence, Hash256 previous, String customer) {
        ConsentScope scope = ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER,
                EmailAddress.parse(customer + "@example.com"));
        ConsentEvent event = new ConsentEvent.OptedOut(scope,
                Evidence.of(CaptureSource.of(CaptureSource.Kind.API, "ui"), AT));
        byte[] salt = new byte[Salt.LENGTH];
        salt[0] = (byte) sequence;
        return LedgerEntry.chain(T, sequence, previous, CustomerId.of(customer), AT, event, Salt.of(salt));
    }

    /** Runs {@code work} in a unit on another thread, which holds the unit open until {@code commit} counts down. */
    private CompletableFuture<Void> openUnit(Runnable work, CountDownLatch worked, CountDownLatch commit,
                                             boolean fail) {
        return CompletableFuture.runAsync(() -> storage.atomically(List.of(), () -> {
            work.run();
            worked.countDown();
            await(commit);
            if (fail) {
                throw new IllegalStateException("the unit fails");
            }
        }));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAppendInAUnit_isReadByOtherThreadsOnlyOnceItsUnitCommitted() {
        LedgerEntry first = entry(1, Hash256.ZERO, "ann");
        CountDownLatch worked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> unit = openUnit(() -> {
            ledger.append(first);
            assertThat(ledger.last(T)).as("the unit reads its own entry").contains(first);
        }, worked, commit, false);
        await(worked);

        assertThat(ledger.last(T)).isEmpty();
        assertThat(ledger.read(T, 0, 10)).isEmpty();
        assertThat(ledger.findByCustomer(T, first.customer())).isEmpty();
        commit.countDown();
        unit.join();

        assertThat(ledger.read(T, 0, 10)).containsExactly(first);
        assertThat(ledger.findByCustomer(T, first.customer())).containsExactly(first);
    }

    @Test
    void anUndoneUnit_takesItsEntriesFromTheEnd_andTheLedgerGoesOnFromBefore() {
        LedgerEntry first = entry(1, Hash256.ZERO, "ann");
        ledger.append(first);

        assertThatThrownBy(() -> storage.atomically(List.of(), () -> {
            ledger.append(entry(2, first.hash(), "bob"));
            ledger.append(entry(3, first.hash(), "ann"));
            throw new IllegalStateException("undo");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(ledger.read(T, 0, 10)).containsExactly(first);
        assertThat(ledger.findByCustomer(T, CustomerId.of("bob"))).isEmpty();
        LedgerEntry next = entry(2, first.hash(), "cy");
        ledger.append(next);
        assertThat(ledger.read(T, 0, 10)).containsExactly(first, next);
    }

    @Test
    void anAppendBehindAnotherUnitsUncommittedOne_waitsForIt_thenFailsOnTheSequence()
            throws InterruptedException {
        CountDownLatch worked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> unit = openUnit(() -> ledger.append(entry(1, Hash256.ZERO, "ann")), worked, commit,
                false);
        await(worked);

        CompletableFuture<Void> rival = CompletableFuture.runAsync(() -> ledger.append(entry(1, Hash256.ZERO, "bob")));
        Thread.sleep(200);
        assertThat(rival).isNotDone();
        commit.countDown();
        unit.join();

        assertThatThrownBy(rival::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConcurrentModificationException.class);
        assertThat(ledger.read(T, 0, 10)).extracting(LedgerEntry::customer).containsExactly(CustomerId.of("ann"));
    }

    @Test
    void anAppendBehindAnUndoneUnit_takesItsPlace() throws InterruptedException {
        CountDownLatch worked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> unit = openUnit(() -> ledger.append(entry(1, Hash256.ZERO, "ann")), worked, commit,
                true);
        await(worked);
        LedgerEntry bobs = entry(1, Hash256.ZERO, "bob");

        CompletableFuture<Void> rival = CompletableFuture.runAsync(() -> ledger.append(bobs));
        Thread.sleep(200);
        assertThat(rival).isNotDone();
        commit.countDown();

        assertThatThrownBy(unit::join).hasCauseInstanceOf(IllegalStateException.class);
        rival.join();
        assertThat(ledger.read(T, 0, 10)).containsExactly(bobs);
    }

    @Test
    void anErasureInAnUndoneUnit_putsTheEntriesBack() {
        LedgerEntry first = entry(1, Hash256.ZERO, "ann");
        ledger.append(first);
        LedgerErasure erasure = ledger.capability(LedgerErasure.class).orElseThrow();

        assertThatThrownBy(() -> storage.atomically(List.of(), () -> {
            assertThat(erasure.erase(T, Set.of(first.customer()))).isEqualTo(1);
            throw new IllegalStateException("undo");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(ledger.read(T, 0, 10)).containsExactly(first);
        assertThat(ledger.findByCustomer(T, first.customer())).containsExactly(first);
    }

    @Test
    void listChangesInAnUndoneUnit_areUndone_andCountAsChanges() {
        SuppressionStore list = storage.suppressions();
        Hash256 kept = Hash256.of(new byte[Hash256.LENGTH]);
        SuppressionEntry listed = list.suppress(new SuppressionEntry(T, kept, ContactKind.EMAIL,
                SuppressionReason.COMPLAINT, AT));
        byte[] other = new byte[Hash256.LENGTH];
        other[0] = 1;
        Hash256 added = Hash256.of(other);
        long before = list.version(T);

        assertThatThrownBy(() -> storage.atomically(List.of(), () -> {
            list.lift(T, kept);
            list.suppress(new SuppressionEntry(T, added, ContactKind.EMAIL, SuppressionReason.COMPLAINT, AT));
            throw new IllegalStateException("undo");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(list.find(T, kept)).contains(listed);
        assertThat(list.find(T, added)).isEmpty();
        assertThat(list.version(T)).isEqualTo(before + 4);
        assertThat(Optional.of(list.scan(T, Optional.empty(), 10).items())).contains(List.of(listed));
    }
}
