package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.consent.Fixtures.TENANT;
import static org.crmkit.spi.tck.Reachability.collected;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.UnsupportedCapabilityException;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.consent.TechnicalProof;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.customer.PostalAddress;
import org.junit.jupiter.api.Test;

/**
 * {@link ConsentService#erase}: the ledger keeps its proof without the person's data, the engine forgets the person,
 * and an id given to someone else later starts with nothing.
 */
class ErasureTest {
    private static final CustomerId ANN = CustomerId.of("ann");
    private static final ConsentScope NEWSLETTER = ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER);

    private final Fixtures f = new Fixtures();
    private final ConsentService consents = f.consents;

    /** The person's data, made at run time so that no constant pool keeps it. */
    private final String email = "ann." + "lee" + "@example.com";
    private final String phone = "+49151" + 2345678;
    private final String street = "Invalidenstra" + "sse 117";
    private final String ip = "203.0.113." + 77;
    private final String agent = "Mozilla/5.0 (Ann" + "'s phone)";
    private final String reference = "ann-lee-" + "signup";

    private List<String> personal() {
        return List.of(email, phone.substring(1), street, ip, agent, reference);
    }

    /** Ann, with a point of every kind, consents at each of them and one for the channel, all with proof. */
    private void annConsentsEverywhere() {
        EmailAddress mail = EmailAddress.parse(email);
        PhoneNumber mobile = PhoneNumber.parse(phone, "DE");
        PostalAddress home = PostalAddress.of(street, "10115", "Berlin", "DE");
        Customer ann = Customer.builder(TENANT, ANN, Person.named("Ann", "Lee"), Fixtures.T0)
                .contactPoints(List.of(ContactPoint.of(mail, ContactUsage.HOME).asPrimary().asVerified(),
                        ContactPoint.of(mobile, ContactUsage.MOBILE), ContactPoint.of(home, ContactUsage.HOME)))
                .build();
        f.customers.put(ANN, ann);
        Evidence evidence = new Evidence(CaptureSource.of(CaptureSource.Kind.WEB_FORM, reference), f.now(),
                Optional.of(Wording.of("v1", "Yes, please.")), Optional.of(TechnicalProof.of(ip, agent)));
        consents.optIn(TENANT, ANN, ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER, mail),
                Capture.TICKED_BOX, evidence);
        consents.optIn(TENANT, ANN, ConsentScope.of(ConsentChannel.SMS, Purpose.MARKETING, mobile),
                Capture.TICKED_BOX, evidence);
        consents.optOut(TENANT, ANN, ConsentScope.of(ConsentChannel.POSTAL_MAIL, Purpose.MARKETING, home),
                evidence);
        consents.optIn(TENANT, ANN, ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING), Capture.VERBAL,
                evidence);
        assertThat(decide(consents, ANN, NEWSLETTER).isAllowed()).isTrue();
    }

    private ContactDecision decide(ConsentService engine, CustomerId id, ConsentScope scope) {
        return engine.decide(TENANT, id, scope.channel(), scope.purpose(), f.now());
    }

    private void assertHoldsNothingPersonal(Object read) {
        String text = String.valueOf(read);
        for (String s : personal()) {
            assertThat(text).as("%s", read.getClass().getSimpleName()).doesNotContain(s);
        }
    }

    @Test
    void afterErasure_noReadHoldsThePersonsData_andTheLedgerStillVerifies() {
        CustomerId bob = f.person("bob");
        consents.optIn(TENANT, bob, NEWSLETTER, Capture.TICKED_BOX,
                Fixtures.form(f.now()).withProof(TechnicalProof.of("198.51.100.4", "bob's browser")));
        Instant given = f.now();
        annConsentsEverywhere();
        f.clock.advance(Duration.ofMinutes(1));
        LedgerHead anchor = consents.head(TENANT);
        assertThat(String.valueOf(consents.history(TENANT, ANN))).contains(email, ip, agent, reference);

        consents.erase(TENANT, Set.of(ANN));

        List<LedgerEntry> ledger = f.store.read(TENANT, 0, 100);
        for (LedgerEntry e : ledger) {
            assertHoldsNothingPersonal(e);
            assertHoldsNothingPersonal(new String(e.canonicalBytes(), StandardCharsets.UTF_8));
            assertThat(e.isErased()).isEqualTo(e.customer().equals(ANN));
        }
        assertThat(ledger).filteredOn(e -> e.customer().equals(ANN)).hasSize(4 + 4);
        assertHoldsNothingPersonal(f.store.findByCustomer(TENANT, ANN));
        assertHoldsNothingPersonal(f.store.last(TENANT));
        assertHoldsNothingPersonal(consents.history(TENANT, ANN));
        ConsentReceipt receipt = consents.receipt(TENANT, ANN);
        assertHoldsNothingPersonal(receipt);
        assertThat(receipt.history()).isEmpty();
        assertThat(receipt.erasedEntries()).isEqualTo(8);
        for (Instant at : List.of(given, f.now().minusSeconds(30), f.now())) {
            assertThat(consents.statusAt(TENANT, ANN, NEWSLETTER, at).state()).isEqualTo(ConsentState.NO_RECORD);
        }
        assertThat(consents.consents(TENANT, ANN)).isEmpty();
        assertThat(consents.verify(TENANT, anchor).intact()).isTrue();
        assertThat(consents.history(TENANT, bob)).singleElement().satisfies(e -> {
            assertThat(e.isErased()).isFalse();
            assertThat(e.toString()).contains("198.51.100.4");
        });
    }

    @Test
    void anErasedIdGivenToSomeoneElse_startsWithNoConsent_here_inARunningEngine_andAfterARestart() {
        annConsentsEverywhere();
        ConsentService running = f.builder(ConsentPolicy.defaults()).staleness(Duration.ofSeconds(1)).build();
        assertThat(decide(running, ANN, NEWSLETTER).isAllowed()).isTrue();

        consents.erase(TENANT, Set.of(ANN));
        f.customers.remove(ANN);
        f.person("ann");
        f.clock.advance(Duration.ofSeconds(1));

        ContactDecision noConsent = ContactDecision.Denied.of(DenialReason.NO_CONSENT);
        assertThat(decide(consents, ANN, NEWSLETTER)).isEqualTo(noConsent);
        assertThat(decide(running, ANN, NEWSLETTER)).isEqualTo(noConsent);
        assertThat(decide(f.service(ConsentPolicy.defaults()), ANN, NEWSLETTER)).isEqualTo(noConsent);
        assertThat(consents.status(TENANT, ANN, ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING)).state())
                .isEqualTo(ConsentState.NO_RECORD);
        assertThat(running.consents(TENANT, ANN)).isEmpty();
    }

    @Test
    void theNewHolderOfAnErasedId_hasOnlyTheirOwnConsents() {
        annConsentsEverywhere();
        consents.erase(TENANT, Set.of(ANN));
        f.customers.remove(ANN);
        f.person("ann");
        f.clock.advance(Duration.ofMinutes(1));

        consents.optIn(TENANT, ANN, NEWSLETTER, Capture.TICKED_BOX, Fixtures.form(f.now()));

        assertThat(decide(consents, ANN, NEWSLETTER).isAllowed()).isTrue();
        assertThat(consents.receipt(TENANT, ANN).history()).singleElement()
                .satisfies(e -> assertThat(e.evidence()).isEqualTo(Fixtures.form(f.now())));
        assertThat(consents.statusAt(TENANT, ANN, NEWSLETTER, f.now()).state()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(f.service(ConsentPolicy.defaults()).consents(TENANT, ANN)).extracting(ConsentStatus::scope)
                .containsExactly(NEWSLETTER);
    }

    @Test
    void afterErasure_theEngineHoldsNoObjectOfThePerson_withConsentsOrWithout() {
        List<WeakReference<Object>> refs = new ArrayList<>();
        annConsentsEverywhere();
        CustomerId bob = f.person("bob");
        assertThat(decide(consents, bob, NEWSLETTER).isAllowed()).isFalse();
        refs.add(new WeakReference<>(f.customers.remove(bob)));
        Customer version = f.customers.remove(ANN);
        refs.add(new WeakReference<>(version));
        version.contactPoints().forEach(p -> refs.add(new WeakReference<>(p.value())));
        for (LedgerEntry e : consents.history(TENANT, ANN)) {
            refs.add(new WeakReference<>(e.event()));
            e.event().scope().contactPoint().ifPresent(p -> refs.add(new WeakReference<>(p)));
            e.event().evidence().proof().ifPresent(p -> refs.add(new WeakReference<>(p)));
        }
        version = null;

        consents.erase(TENANT, Set.of(ANN, bob));
        f.storage.outbox.clear();

        for (WeakReference<Object> ref : refs) {
            assertThat(collected(ref)).as("%s", ref.get()).isTrue();
        }
    }

    @Test
    void erasure_keepsTheSuppressionList_andIsIdempotent() {
        annConsentsEverywhere();
        consents.suppress(TENANT, EmailAddress.parse(email), SuppressionReason.LEGAL_REQUEST);
        consents.erase(TENANT, Set.of(ANN));
        int size = f.store.size();

        consents.erase(TENANT, Set.of(ANN));

        assertThat(f.store.size()).isEqualTo(size);
        CustomerId again = f.business("again");
        f.customers.put(again, f.customers.get(again).toBuilder().contactPoints(List.of(
                ContactPoint.of(EmailAddress.parse(email), ContactUsage.WORK))).build());
        assertThat(consents.decide(TENANT, again, ConsentChannel.EMAIL, Purpose.MARKETING, f.now()))
                .isEqualTo(ContactDecision.Denied.of(DenialReason.SUPPRESSED));
        assertHoldsNothingPersonal(f.suppressions.scan(TENANT, Optional.empty(), 10));
    }

    @Test
    void erasure_inAUnitThatFails_erasesAndForgetsNothing() {
        annConsentsEverywhere();
        List<LedgerEntry> before = f.store.all();

        assertThatThrownBy(() -> f.storage.atomically(List.of(), () -> {
            consents.erase(TENANT, Set.of(ANN));
            throw new IllegalStateException("the rest of the erasure failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(f.store.all()).isEqualTo(before);
        assertThat(decide(consents, ANN, NEWSLETTER).isAllowed()).isTrue();
        assertThat(consents.verify(TENANT).intact()).isTrue();
    }

    @Test
    void erasure_withoutTheStoresCapability_isRefused_andChangesNothing() {
        annConsentsEverywhere();
        List<LedgerEntry> before = f.store.all();
        f.store.offerErasure(false);

        assertThatThrownBy(() -> consents.erase(TENANT, Set.of(ANN)))
                .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
                        e -> assertThat(e.capability()).contains("LedgerErasure"));

        assertThat(f.store.all()).isEqualTo(before);
        assertThat(decide(consents, ANN, NEWSLETTER).isAllowed()).isTrue();
    }
}
