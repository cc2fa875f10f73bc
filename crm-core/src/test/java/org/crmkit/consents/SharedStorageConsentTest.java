package org.crmkit.consents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.crmkit.Crm;
import org.crmkit.consent.ContactDecision;
import org.crmkit.consent.DenialReason;
import org.crmkit.consent.LedgerVerification;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.Test;

/** Two {@code Crm} on one storage decide alike within the staleness bound: an opt-out on one stops the other. */
class SharedStorageConsentTest {
    static final TenantId T = TenantId.of("t1");
    static final ConsentScope NEWSLETTER = ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER);
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    final InMemoryStorage shared = new InMemoryStorage();

    private Crm crm(long seed, Duration staleness) {
        return Crm.builder().storage(shared).clock(clock).seed(seed).staleness(staleness).eventRelayThread(false)
                .consentKey(KEY).build();
    }

    private static CustomerId register(Crm crm, String who) {
        return crm.customers().register(T, Person.named(who, "Lee"), b -> b.contactPoint(
                ContactPoint.of(EmailAddress.parse(who + "@example.com"), ContactUsage.HOME).asPrimary()
                        .asVerified())).id();
    }

    private Evidence form() {
        return Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "signup"), clock.instant(),
                Wording.version("nl-1"));
    }

    private static ContactDecision newsletter(Crm crm, CustomerId id) {
        return crm.consents().decide(T, id, ConsentChannel.EMAIL, Purpose.NEWSLETTER);
    }

    @Test
    void anOptOutOnOneCrm_stopsTheOther_onceItsBoundPassed() {
        Crm a = crm(1, Duration.ofSeconds(1));
        Crm b = crm(2, Duration.ofSeconds(1));
        CustomerId ann = register(a, "ann");
        a.consents().optIn(T, ann, NEWSLETTER, Capture.TICKED_BOX, form());
        clock.advance(Duration.ofSeconds(1));
        assertThat(newsletter(b, ann).isAllowed()).isTrue();

        a.consents().optOut(T, ann, NEWSLETTER, form());
        assertThat(newsletter(b, ann).isAllowed()).as("within the bound").isTrue();
        clock.advance(Duration.ofSeconds(1));

        assertThat(newsletter(b, ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
    }

    @Test
    void anOptOutOrASuppressionOnOneCrm_stopsAnotherThatReadsThrough_atOnce() {
        Crm a = crm(1, Duration.ofSeconds(1));
        Crm b = crm(2, Duration.ZERO);
        CustomerId ann = register(a, "ann");
        CustomerId bob = register(a, "bob");
        a.consents().optIn(T, ann, NEWSLETTER, Capture.TICKED_BOX, form());
        a.consents().optIn(T, bob, NEWSLETTER, Capture.TICKED_BOX, form());
        assertThat(newsletter(b, ann).isAllowed()).isTrue();
        assertThat(newsletter(b, bob).isAllowed()).isTrue();

        a.consents().optOut(T, ann, NEWSLETTER, form());
        a.consents().suppress(T, EmailAddress.parse("bob@example.com"), SuppressionReason.COMPLAINT);

        assertThat(newsletter(b, ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
        assertThat(newsletter(b, bob)).isEqualTo(ContactDecision.Denied.of(DenialReason.SUPPRESSED));
    }

    @Test
    void concurrentWritersOnTwoCrm_leaveOneGapFreeVerifiableLedger() throws InterruptedException {
        Crm a = crm(1, Duration.ZERO);
        Crm b = crm(2, Duration.ZERO);
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(register(a, "p" + i));
        }
        int threads = 8;
        int perThread = 200;
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Crm crm = t % 2 == 0 ? a : b;
            CustomerId id = ids.get(t % ids.size());
            workers.add(new Thread(() -> {
                try {
                    for (int i = 0; i < perThread; i++) {
                        if (i % 2 == 0) {
                            crm.consents().optIn(T, id, NEWSLETTER, Capture.TICKED_BOX, form());
                        } else {
                            crm.consents().optOut(T, id, NEWSLETTER, form());
                        }
                        newsletter(crm, id);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }

        assertThat(failures).isEmpty();
        assertThat(a.consents().verify(T)).isEqualTo(new LedgerVerification(threads * perThread, List.of()));
        assertThat(b.consents().head(T)).isEqualTo(a.consents().head(T));
        for (CustomerId id : ids) {
            assertThat(a.consents().consents(T, id)).isEqualTo(b.consents().consents(T, id));
        }
    }
}
