package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.consent.Fixtures.EMAIL_NEWSLETTER;
import static org.crmkit.consent.Fixtures.TENANT;
import static org.crmkit.consent.Fixtures.bare;
import static org.crmkit.consent.Fixtures.form;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.Salt;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.customer.CustomerId;
import org.junit.jupiter.api.Test;

/** Engines sharing one storage see each other's writes within their staleness bound, and share one ledger. */
class SeveralEnginesTest {
    private final Fixtures f = new Fixtures();
    private final ConsentService a = f.consents;

    private ConsentService engine(Duration bound) {
        return f.builder(ConsentPolicy.defaults()).staleness(bound).build();
    }

    private static ContactDecision decide(ConsentService engine, Fixtures f, CustomerId id) {
        return engine.decide(TENANT, id, EMAIL_NEWSLETTER.channel(), EMAIL_NEWSLETTER.purpose(), f.now());
    }

    @Test
    void optOutThroughOneEngine_stopsTheOther_atOnce_withABoundOfZero() {
        CustomerId ann = f.person("ann");
        ConsentService b = engine(Duration.ZERO);
        a.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        assertThat(decide(b, f, ann).isAllowed()).isTrue();

        a.optOut(TENANT, ann, EMAIL_NEWSLETTER, bare(f.now()));

        assertThat(decide(b, f, ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
        assertThat(b.status(TENANT, ann, EMAIL_NEWSLETTER).state()).isEqualTo(ConsentState.OPTED_OUT);
        assertThat(b.head(TENANT)).isEqualTo(a.head(TENANT));
    }

    @Test
    void optOutThroughOneEngine_stopsTheOther_onceTheClockPassesItsBound() {
        CustomerId ann = f.person("ann");
        ConsentService b = engine(Duration.ofSeconds(1));
        a.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(decide(b, f, ann).isAllowed()).isTrue();

        a.optOut(TENANT, ann, EMAIL_NEWSLETTER, bare(f.now()));
        f.clock.advance(Duration.ofMillis(999));
        assertThat(decide(b, f, ann).isAllowed()).as("within the bound, memory answers").isTrue();
        f.clock.advance(Duration.ofMillis(1));

        assertThat(decide(b, f, ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
    }

    @Test
    void suppressionAndLiftThroughOneEngine_reachTheOther_withinItsBound() {
        CustomerId ann = f.person("ann");
        a.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        ConsentService b = engine(Duration.ofSeconds(1));
        assertThat(decide(b, f, ann).isAllowed()).isTrue();

        a.suppress(TENANT, f.emailOf(ann), SuppressionReason.COMPLAINT);
        f.clock.advance(Duration.ofSeconds(1));

        assertThat(decide(b, f, ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.SUPPRESSED));
        assertThat(b.isSuppressed(TENANT, f.emailOf(ann))).isTrue();
        a.lift(TENANT, f.emailOf(ann));
        assertThat(decide(b, f, ann)).as("within the bound").isEqualTo(
                ContactDecision.Denied.of(DenialReason.SUPPRESSED));
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(decide(b, f, ann).isAllowed()).isTrue();
    }

    @Test
    void suppressionThroughOneEngine_reachesAnother_atOnce_withABoundOfZero() {
        CustomerId ann = f.person("ann");
        a.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        ConsentService b = engine(Duration.ZERO);
        assertThat(decide(b, f, ann).isAllowed()).isTrue();

        a.suppress(TENANT, f.emailOf(ann), SuppressionReason.HARD_BOUNCE);

        assertThat(decide(b, f, ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.SUPPRESSED));
        a.lift(TENANT, f.emailOf(ann));
        assertThat(decide(b, f, ann).isAllowed()).isTrue();
    }

    @Test
    void aWrite_decidesOnTheLedgerAsItStands_whateverTheBound() {
        CustomerId ann = f.person("ann");
        ConsentService b = engine(Duration.ofDays(1));
        assertThat(decide(b, f, ann).isAllowed()).isFalse();
        a.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));

        ConsentStatus again = b.requestConfirmation(TENANT, ann, EMAIL_NEWSLETTER, form(f.now()));

        assertThat(again.state()).as("an explicit opt-in through the other engine").isEqualTo(ConsentState.OPTED_IN);
        assertThat(f.store.size()).isEqualTo(1);
    }

    @Test
    void anAppendLosingToAnotherWriter_isRetriedAfterIt_andTheLedgerStaysIntact() {
        CustomerId ann = f.person("ann");
        CustomerId bob = f.person("bob");
        ConsentService b = engine(Duration.ofDays(1));
        a.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        f.store.beforeNextAppend(() -> f.store.append(LedgerEntry.chain(TENANT, 2, f.store.all().get(0).hash(),
                ann, f.now(), new ConsentEvent.OptedOut(EMAIL_NEWSLETTER, bare(f.now())),
                Salt.of(new byte[Salt.LENGTH]))));

        b.optIn(TENANT, bob, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));

        assertThat(f.store.all()).extracting(LedgerEntry::sequence).containsExactly(1L, 2L, 3L);
        assertThat(f.store.all().get(2).customer()).isEqualTo(bob);
        assertThat(b.verify(TENANT).intact()).isTrue();
        assertThat(decide(b, f, ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
    }

    @Test
    void catchingUpWithManyEntries_takesInEachPageBeforeReadingTheNext() {
        ConsentService b = engine(Duration.ofSeconds(1));
        assertThat(decide(b, f, f.person("ann")).isAllowed()).isFalse();
        int entries = 2 * ConsentStore.MAX_PAGE_SIZE + 5;
        Hash256 previous = Hash256.ZERO;
        for (int i = 1; i <= entries; i++) {
            LedgerEntry e = LedgerEntry.chain(TENANT, i, previous, CustomerId.of("c" + i % 100), f.now(),
                    new ConsentEvent.OptedOut(EMAIL_NEWSLETTER, bare(f.now())), Salt.of(new byte[Salt.LENGTH]));
            f.store.append(e);
            previous = e.hash();
        }
        List<Long> headAtRead = new ArrayList<>();
        List<Long> readAfter = new ArrayList<>();
        f.store.onRead(after -> {
            readAfter.add(after);
            headAtRead.add(b.head(TENANT).sequence());
        });
        f.clock.advance(Duration.ofSeconds(1));

        decide(b, f, CustomerId.of("ann"));

        assertThat(readAfter).containsExactly(0L, 10_000L, 20_000L);
        assertThat(headAtRead).as("what the engine knew when it read each page").isEqualTo(readAfter);
        f.store.onRead(after -> { });
        assertThat(b.head(TENANT)).isEqualTo(a.head(TENANT));
    }

    @Test
    void concurrentWritersOnTwoEngines_leaveAGapFreeVerifiableLedger() throws InterruptedException {
        ConsentService b = engine(Duration.ZERO);
        int threads = 6;
        int perThread = 150;
        for (int p = 0; p < 3; p++) {
            f.person("p" + p);
        }

        f.toggleNewsletterConcurrently(threads, perThread, t -> t % 2 == 0 ? a : b, t -> CustomerId.of("p" + t % 3));

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(a.verify(TENANT)).isEqualTo(new LedgerVerification(threads * perThread, List.of()));
        assertThat(b.verify(TENANT).intact()).isTrue();
        assertThat(b.head(TENANT)).isEqualTo(a.head(TENANT));
        for (int p = 0; p < 3; p++) {
            CustomerId id = CustomerId.of("p" + p);
            assertThat(a.consents(TENANT, id)).isEqualTo(b.consents(TENANT, id))
                    .isEqualTo(f.service(ConsentPolicy.defaults()).consents(TENANT, id));
        }
    }
}
