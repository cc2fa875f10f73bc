package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.consent.Fixtures.TENANT;
import static org.crmkit.consent.Fixtures.bare;
import static org.crmkit.consent.Fixtures.form;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.TechnicalProof;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.event.DomainEvent;
import org.junit.jupiter.api.Test;

/** What a merge carries over to the survivor: the rule of {@link ConsentService#customersMerged}, case by case. */
class MergeCarryOverTest {
    private static final ConsentScope POSTAL = ConsentScope.of(ConsentChannel.POSTAL_MAIL, Purpose.MARKETING);
    private static final ConsentScope NEWSLETTER = ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER);
    private static final ConsentScope MARKETING = ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING);

    private final Fixtures f = new Fixtures();
    private final ConsentService consents = f.consents;

    private static PostalAddress home(String who) {
        return PostalAddress.of(who + " Street 1", "10115", "Berlin", "DE");
    }

    private static EmailAddress email(String who) {
        return EmailAddress.parse(who + "@example.com");
    }

    private CustomerId customer(String id) {
        Customer c = Customer.builder(TENANT, CustomerId.of(id), Person.named(id, "Lee"), Fixtures.T0)
                .contactPoints(List.of(ContactPoint.of(home(id), ContactUsage.HOME).asPrimary(),
                        ContactPoint.of(email(id), ContactUsage.HOME).asPrimary().asVerified()))
                .build();
        f.customers.put(c.id(), c);
        return c.id();
    }

    /** Merges as a customer service would: the survivor gains the merged customer's points (its own stay primary). */
    private void merge(CustomerId survivor, CustomerId merged) {
        Customer s = f.customers.get(survivor);
        List<ContactPoint> points = new ArrayList<>(s.contactPoints());
        for (ContactPoint p : f.customers.remove(merged).contactPoints()) {
            points.add(ContactPoint.of(p.value(), ContactUsage.WORK));
        }
        f.customers.put(survivor, s.toBuilder().contactPoints(points).build());
        f.clock.advance(Duration.ofMinutes(1));
        consents.customersMerged(TENANT, survivor, merged);
    }

    /** Makes {@code address} the customer's preferred postal address. */
    private void preferPostal(CustomerId id, PostalAddress address) {
        Customer c = f.customers.get(id);
        List<ContactPoint> points = new ArrayList<>();
        points.add(ContactPoint.of(address, ContactUsage.HOME).asPrimary());
        c.contactPoints().stream().filter(p -> !p.value().equals(address))
                .map(p -> p.value() instanceof PostalAddress ? ContactPoint.of(p.value(), ContactUsage.WORK) : p)
                .forEach(points::add);
        f.customers.put(id, c.toBuilder().contactPoints(points).build());
    }

    private ContactDecision decide(CustomerId id, ConsentScope scope) {
        return consents.decide(TENANT, id, scope.channel(), scope.purpose(), f.now());
    }

    @Test
    void aRefusal_survivesAChainOfMerges_alsoAtTheRefusingCustomersOwnAddress() {
        CustomerId a = customer("a");
        CustomerId b = customer("b");
        CustomerId c = customer("c");
        consents.optOut(TENANT, a, POSTAL, bare(f.now()));
        assertThat(decide(c, POSTAL).isAllowed()).as("postal marketing is opt-out").isTrue();

        merge(b, a);
        merge(c, b);

        assertThat(decide(c, POSTAL)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
        preferPostal(c, home("a"));
        assertThat(decide(c, POSTAL)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
    }

    @Test
    void aRefusalAtOnePoint_followsThatPoint_throughTheChain() {
        CustomerId a = customer("a");
        CustomerId b = customer("b");
        CustomerId c = customer("c");
        consents.optOut(TENANT, a, ConsentScope.of(ConsentChannel.POSTAL_MAIL, Purpose.MARKETING, home("a")),
                bare(f.now()));

        merge(b, a);
        merge(c, b);

        assertThat(decide(c, POSTAL).isAllowed()).as("at c's own address").isTrue();
        preferPostal(c, home("a"));
        assertThat(decide(c, POSTAL)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
    }

    @Test
    void aRefusal_winsOverTheSurvivorsConsent_andTheSurvivorsPointScopedConsent() {
        CustomerId a = customer("a");
        CustomerId b = customer("b");
        consents.optIn(TENANT, b, NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        consents.optIn(TENANT, b, ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER, email("b")),
                Capture.TICKED_BOX, form(f.now()));
        consents.optOut(TENANT, a, NEWSLETTER, bare(f.now()));
        assertThat(decide(b, NEWSLETTER).isAllowed()).isTrue();

        merge(b, a);

        assertThat(decide(b, NEWSLETTER)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
    }

    @Test
    void theSurvivorsRefusal_isNotUndoneByTheMergedCustomersConsent() {
        CustomerId a = customer("a");
        CustomerId b = customer("b");
        consents.optOut(TENANT, b, ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING, email("b")),
                bare(f.now()));
        consents.optIn(TENANT, a, MARKETING, Capture.TICKED_BOX, form(f.now()));

        merge(b, a);

        assertThat(decide(b, MARKETING)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
        assertThat(consents.status(TENANT, b, MARKETING).state()).isEqualTo(ConsentState.NO_RECORD);
    }

    @Test
    void aConsent_fillsAGap_withItsCaptureAndValidity() {
        CustomerId a = customer("a");
        CustomerId b = customer("b");
        ConsentStatus given = consents.optIn(TENANT, a, NEWSLETTER, Capture.TICKED_BOX, form(f.now()));

        merge(b, a);

        ConsentStatus carried = consents.status(TENANT, b, NEWSLETTER);
        assertThat(carried.state()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(carried.capture()).contains(Capture.TICKED_BOX);
        assertThat(carried.until()).isEqualTo(given.until());
        assertThat(decide(b, NEWSLETTER)).isEqualTo(new ContactDecision.Allowed(Optional.of(email("b")),
                ContactDecision.Basis.EXPLICIT_CONSENT));
    }

    @Test
    void aConsent_doesNotReplaceTheSurvivorsOwn() {
        CustomerId a = customer("a");
        CustomerId b = customer("b");
        consents.optIn(TENANT, b, MARKETING, Capture.SOFT_OPT_IN_PURCHASE, form(f.now()));
        consents.optIn(TENANT, a, MARKETING, Capture.TICKED_BOX, form(f.now()));

        merge(b, a);

        assertThat(consents.status(TENANT, b, MARKETING).capture()).contains(Capture.SOFT_OPT_IN_PURCHASE);
    }

    @Test
    void expiredConsents_areNotCarried() {
        CustomerId a = customer("a");
        CustomerId b = customer("b");
        consents.optIn(TENANT, a, NEWSLETTER, Capture.TICKED_BOX, form(f.now()));
        f.clock.advance(Duration.ofDays(3 * 366));

        merge(b, a);

        assertThat(consents.status(TENANT, b, NEWSLETTER).state()).isEqualTo(ConsentState.NO_RECORD);
    }

    @Test
    void aPendingConfirmation_isCarried_andConfirmedOnTheSurvivor() {
        CustomerId a = customer("a");
        CustomerId b = customer("b");
        consents.requestConfirmation(TENANT, a, NEWSLETTER, form(f.now()));

        merge(b, a);
        ConsentStatus confirmed = consents.confirm(TENANT, b, NEWSLETTER, bare(f.now()));

        assertThat(confirmed.state()).isEqualTo(ConsentState.OPTED_IN);
        assertThat(decide(b, NEWSLETTER).isAllowed()).isTrue();
    }

    @Test
    void theLedgerRecordsTheMerge_inChainedEntriesThatNameIt_withTheirEvents() {
        CustomerId a = customer("a");
        CustomerId b = customer("b");
        consents.optIn(TENANT, a, NEWSLETTER, Capture.TICKED_BOX,
                form(f.now()).withProof(TechnicalProof.of("203.0.113.9", "Mozilla/5.0")));
        consents.optOut(TENANT, a, POSTAL, bare(f.now()));
        f.storage.outbox.clear();

        merge(b, a);

        List<LedgerEntry> carried = consents.history(TENANT, b);
        assertThat(carried).extracting(e -> e.event().scope()).containsExactly(NEWSLETTER, POSTAL);
        assertThat(carried).allSatisfy(e -> {
            assertThat(e.event().evidence().source()).isEqualTo(CaptureSource.of(CaptureSource.Kind.MERGE, "a"));
            assertThat(e.event().evidence().proof()).isEmpty();
            assertThat(e.event().at()).isEqualTo(f.now());
        });
        assertThat(carried.get(0).event().evidence().wording()).isEqualTo(form(f.now()).wording());
        assertThat(f.storage.outbox.events()).extracting(e -> ((DomainEvent.ConsentChanged) e).state())
                .containsExactly(ConsentState.OPTED_IN, ConsentState.OPTED_OUT);
        assertThat(f.storage.outbox.events()).allSatisfy(e ->
                assertThat(((DomainEvent.ConsentChanged) e).customer()).isEqualTo(b));
        assertThat(consents.history(TENANT, a)).hasSize(2);
        assertThat(consents.verify(TENANT).intact()).isTrue();
    }

    @Test
    void aConsentGivenAfterTheMerge_winsOverACarriedRefusal() {
        CustomerId a = customer("a");
        CustomerId b = customer("b");
        consents.optOut(TENANT, a, NEWSLETTER, bare(f.now()));
        merge(b, a);
        f.clock.advance(Duration.ofMinutes(1));

        consents.optIn(TENANT, b, NEWSLETTER, Capture.TICKED_BOX, form(f.now()));

        assertThat(decide(b, NEWSLETTER).isAllowed()).isTrue();
    }

    @Test
    void anotherEngine_decidesOnWhatTheMergeCarried() {
        CustomerId a = customer("a");
        CustomerId b = customer("b");
        consents.optOut(TENANT, a, POSTAL, bare(f.now()));
        merge(b, a);

        ConsentService restarted = f.service(ConsentPolicy.defaults());

        assertThat(restarted.decide(TENANT, b, ConsentChannel.POSTAL_MAIL, Purpose.MARKETING, f.now()))
                .isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
    }

    @Test
    void aMergeIntoItself_isRefused() {
        CustomerId a = customer("a");

        assertThatThrownBy(() -> consents.customersMerged(TENANT, a, a)).isInstanceOf(ValidationException.class);
    }
}
