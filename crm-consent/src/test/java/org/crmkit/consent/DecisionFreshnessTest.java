package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.consent.Fixtures.EMAIL_MARKETING;
import static org.crmkit.consent.Fixtures.EMAIL_NEWSLETTER;
import static org.crmkit.consent.Fixtures.TENANT;
import static org.crmkit.consent.Fixtures.form;
import static org.crmkit.spi.tck.Reachability.collected;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Organization;
import org.junit.jupiter.api.Test;

/**
 * The engine remembers what it read of a customer and of the do-not-contact list between decisions; these tests
 * hold it to deciding on the customer the directory returns now and on the list as it stands now.
 */
class DecisionFreshnessTest {
    private final Fixtures f = new Fixtures();
    private final ConsentService consents = f.consents;

    private ContactDecision decide(CustomerId id) {
        return consents.decide(TENANT, id, EMAIL_NEWSLETTER.channel(), EMAIL_NEWSLETTER.purpose(), f.now());
    }

    private void replaceEmail(CustomerId id, EmailAddress address) {
        Customer c = f.customers.get(id);
        f.customers.put(id, c.toBuilder().contactPoints(List.of(
                ContactPoint.of(address, ContactUsage.HOME).asPrimary().asVerified())).build());
    }

    @Test
    void decide_usesTheAddressOfTheCustomersCurrentVersion() {
        CustomerId ann = f.person("ann");
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        assertThat(decide(ann)).isEqualTo(new ContactDecision.Allowed(Optional.of(f.emailOf(ann)),
                ContactDecision.Basis.EXPLICIT_CONSENT));
        EmailAddress moved = EmailAddress.parse("ann@new.example");
        consents.suppress(TENANT, f.emailOf(ann), SuppressionReason.HARD_BOUNCE);
        assertThat(decide(ann).isAllowed()).isFalse();

        replaceEmail(ann, moved);

        assertThat(decide(ann)).isEqualTo(new ContactDecision.Allowed(Optional.of(moved),
                ContactDecision.Basis.EXPLICIT_CONSENT));
        consents.suppress(TENANT, moved, SuppressionReason.COMPLAINT);
        assertThat(decide(ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.SUPPRESSED));
    }

    @Test
    void decide_aNewVersionWithTheSameAddress_keepsItsSuppression() {
        CustomerId ann = f.person("ann");
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        consents.suppress(TENANT, f.emailOf(ann), SuppressionReason.HARD_BOUNCE);
        assertThat(decide(ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.SUPPRESSED));

        replaceEmail(ann, f.emailOf(ann));

        assertThat(decide(ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.SUPPRESSED));
        consents.lift(TENANT, f.emailOf(ann));
        assertThat(decide(ann).isAllowed()).isTrue();
    }

    @Test
    void decide_followsTheCustomersAudience() {
        CustomerId acme = f.person("acme");
        ContactDecision asConsumer = consents.decide(TENANT, acme, EMAIL_MARKETING.channel(),
                EMAIL_MARKETING.purpose(), f.now());
        assertThat(asConsumer).isEqualTo(ContactDecision.Denied.of(DenialReason.NO_CONSENT));

        f.customers.put(acme, f.customers.get(acme).toBuilder().party(Organization.named("Acme")).build());

        assertThat(consents.decide(TENANT, acme, EMAIL_MARKETING.channel(), EMAIL_MARKETING.purpose(), f.now()))
                .isEqualTo(new ContactDecision.Allowed(Optional.of(f.emailOf(acme)),
                        ContactDecision.Basis.NO_OBJECTION));
    }

    @Test
    void decide_onACustomerWithoutConsents_seesLaterSuppressions() {
        CustomerId ann = f.person("ann");
        ContactDecision before = consents.decide(TENANT, ann, EMAIL_MARKETING.channel(), EMAIL_MARKETING.purpose(),
                f.now());
        assertThat(before).isEqualTo(ContactDecision.Denied.of(DenialReason.NO_CONSENT));

        consents.suppress(TENANT, f.emailOf(ann), SuppressionReason.LEGAL_REQUEST);

        assertThat(consents.decide(TENANT, ann, EMAIL_MARKETING.channel(), EMAIL_MARKETING.purpose(), f.now()))
                .isEqualTo(ContactDecision.Denied.of(DenialReason.NO_CONSENT, DenialReason.SUPPRESSED));
    }

    @Test
    void aCustomerGoneFromTheDirectory_isForgottenByTheNextDecision() {
        CustomerId ann = f.person("ann");
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        assertThat(decide(ann).isAllowed()).isTrue();
        WeakReference<Customer> version = new WeakReference<>(f.customers.remove(ann));

        assertThat(decide(ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.UNKNOWN_CUSTOMER));

        assertThat(collected(version)).as("the engine keeps no reference to the customer").isTrue();
        assertThat(consents.status(TENANT, ann, EMAIL_NEWSLETTER).state()).isEqualTo(ConsentState.OPTED_IN);
    }

    @Test
    void erase_dropsTheRememberedVersions_andDecisionsStillWork() {
        CustomerId ann = f.person("ann");
        CustomerId bob = f.person("bob");
        CustomerId cy = f.person("cy");
        consents.optIn(TENANT, ann, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        consents.optIn(TENANT, cy, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        assertThat(decide(ann).isAllowed()).isTrue();
        assertThat(decide(bob).isAllowed()).isFalse();
        WeakReference<Customer> annVersion = new WeakReference<>(f.customers.remove(ann));
        WeakReference<Customer> bobVersion = new WeakReference<>(f.customers.remove(bob));

        consents.erase(TENANT, Set.of(ann, bob));
        consents.erase(TENANT, Set.of(bob));

        assertThat(collected(annVersion)).isTrue();
        assertThat(collected(bobVersion)).isTrue();
        assertThat(decide(cy).isAllowed()).isTrue();
        f.person("ann");
        assertThat(decide(ann)).isEqualTo(ContactDecision.Denied.of(DenialReason.NO_CONSENT));
    }

    /**
     * Deciders run while the address is suppressed and lifted again and again: a decision that starts after
     * {@code suppress} returned (and ends before {@code lift} is called) is denied, one that starts after
     * {@code lift} returned (and ends before the next {@code suppress}) is allowed. The phase counts up through
     * lifted (0), suppressing (1), suppressed (2) and lifting (3), modulo 4.
     */
    @Test
    void everyDecisionMadeWhileASuppressionChangeHolds_seesIt() throws InterruptedException {
        int customers = 64;
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            CustomerId id = f.person("p" + i);
            consents.optIn(TENANT, id, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
            ids.add(id);
        }
        CustomerId target = ids.get(7);
        AtomicLong phase = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger checkedSuppressed = new AtomicInteger();
        AtomicInteger checkedLifted = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Thread> deciders = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            deciders.add(new Thread(() -> {
                int i = 0;
                while (!done.get()) {
                    CustomerId id = ids.get(i++ % customers);
                    long before = phase.get();
                    boolean allowed = decide(id).isAllowed();
                    long after = phase.get();
                    if (!id.equals(target)) {
                        if (!allowed) {
                            wrong.add("denied " + id);
                        }
                    } else if (before == after && before % 4 == 2) {
                        checkedSuppressed.incrementAndGet();
                        if (allowed) {
                            wrong.add("allowed while suppressed, phase " + before);
                        }
                    } else if (before == after && before % 4 == 0) {
                        checkedLifted.incrementAndGet();
                        if (!allowed) {
                            wrong.add("denied after lifting, phase " + before);
                        }
                    }
                }
            }));
        }
        deciders.forEach(Thread::start);
        for (int round = 0; round < 2_000; round++) {
            phase.incrementAndGet();
            consents.suppress(TENANT, f.emailOf(target), SuppressionReason.HOST_DECISION);
            phase.incrementAndGet();
            hold();
            phase.incrementAndGet();
            consents.lift(TENANT, f.emailOf(target));
            phase.incrementAndGet();
            hold();
        }
        done.set(true);
        for (Thread d : deciders) {
            d.join();
        }

        assertThat(wrong).isEmpty();
        assertThat(checkedSuppressed.get()).isPositive();
        assertThat(checkedLifted.get()).isPositive();
    }

    private static void hold() {
        long end = System.nanoTime() + 20_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
