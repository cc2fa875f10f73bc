package org.crmkit.consents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.spi.tck.Reachability.collected;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmkit.Crm;
import org.crmkit.consent.ContactDecision;
import org.crmkit.consent.DenialReason;
import org.crmkit.json.CrmJson;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.TechnicalProof;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * Erasing a customer through {@code Crm} erases what the consent engine keeps of the person, and an id given to
 * someone else afterwards starts with no consent.
 */
class CrmConsentErasureTest {
    static final TenantId T = TenantId.of("t1");
    static final CustomerId ANN = CustomerId.of("ann-7");
    static final ConsentScope NEWSLETTER = ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER);
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    final Crm crm = Crm.builder().clock(clock).seed(5).eventRelayThread(false).consentKey(KEY).build();

    /** The person's data, made at run time so that no constant pool keeps it. */
    final String email = "ann." + "erased" + "@example.com";
    final String ip = "203.0.113." + 41;
    final String agent = "Ann's " + "browser/1.0";
    final String reference = "newsletter-" + "box-ann";

    private ContactDecision newsletter() {
        return crm.consents().decide(T, ANN, ConsentChannel.EMAIL, Purpose.NEWSLETTER);
    }

    private void annSubscribes() {
        EmailAddress address = EmailAddress.parse(email);
        crm.customers().register(T, ANN, Person.named("Ann", "Erased"), b -> b.contactPoint(
                ContactPoint.of(address, ContactUsage.HOME).asPrimary().asVerified()));
        Evidence evidence = new Evidence(CaptureSource.of(CaptureSource.Kind.WEB_FORM, reference), clock.instant(),
                Optional.of(Wording.of("nl-1", "Send me the newsletter")),
                Optional.of(TechnicalProof.of(ip, agent)));
        crm.consents().optIn(T, ANN, ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER, address),
                Capture.TICKED_BOX, evidence);
        crm.consents().optIn(T, ANN, ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING), Capture.TICKED_BOX,
                evidence);
        assertThat(newsletter().isAllowed()).isTrue();
    }

    @Test
    void erasingAProspectNeverStoredAsACustomer_erasesTheConsentsRecordedForIt() {
        CustomerId prospect = CustomerId.of("prospect-1");
        crm.consents().optIn(T, prospect, ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER,
                EmailAddress.parse(email)), Capture.TICKED_BOX, new Evidence(CaptureSource.of(
                CaptureSource.Kind.WEB_FORM, reference), clock.instant(), Optional.of(Wording.version("nl-1")),
                Optional.of(TechnicalProof.of(ip, agent))));

        assertThat(crm.customers().erase(T, prospect).anything()).isTrue();

        assertThat(crm.consents().consents(T, prospect)).isEmpty();
        assertThat(crm.consents().history(T, prospect)).allSatisfy(e -> assertThat(e.isErased()).isTrue());
        assertThat(crm.customers().erase(T, prospect).anything()).as("nothing left").isFalse();
    }

    @Test
    void anErasedIdRegisteredAgain_startsWithNoConsent_inThisCrmAndInAnother() {
        annSubscribes();

        assertThat(crm.customers().erase(T, ANN).anything()).isTrue();
        crm.customers().register(T, ANN, Person.named("Someone", "Else"), b -> b.contactPoint(
                ContactPoint.of(EmailAddress.parse("someone@example.com"), ContactUsage.HOME).asPrimary()
                        .asVerified()));

        assertThat(newsletter()).isEqualTo(ContactDecision.Denied.of(DenialReason.NO_CONSENT));
        Crm other = Crm.builder().storage(crm.storage()).clock(clock).seed(6).eventRelayThread(false)
                .consentKey(KEY).build();
        assertThat(other.consents().decide(T, ANN, ConsentChannel.EMAIL, Purpose.NEWSLETTER))
                .isEqualTo(ContactDecision.Denied.of(DenialReason.NO_CONSENT));
        assertThat(other.consents().consents(T, ANN)).isEmpty();
    }

    @Test
    void afterErasure_theLedgerAndTheReceiptHoldNoneOfThePersonsData_andTheLedgerVerifies() throws Exception {
        annSubscribes();

        crm.customers().erase(T, ANN);

        List<String> personal = List.of(email, ip, agent, reference);
        for (LedgerEntry e : crm.storage().consents().read(T, 0, 100)) {
            assertThat(e.toString()).doesNotContain(personal);
            assertThat(e.isErased()).isTrue();
        }
        String receipt = CrmJson.create().write(crm.consents().receipt(T, ANN));
        assertThat(receipt).doesNotContain(personal).contains("\"erased_entries\":4");
        assertThat(crm.consents().verify(T).intact()).isTrue();
    }

    @Test
    void afterErasure_theConsentEngineHoldsNoObjectOfThePerson() {
        annSubscribes();
        List<WeakReference<Object>> refs = new ArrayList<>();
        Customer version = crm.customers().get(T, ANN);
        refs.add(new WeakReference<>(version));
        version.contactPoints().forEach(p -> refs.add(new WeakReference<>(p.value())));
        crm.consents().history(T, ANN).forEach(e -> {
            refs.add(new WeakReference<>(e.event()));
            refs.add(new WeakReference<>(e.event().evidence()));
        });
        version = null;

        crm.customers().erase(T, ANN);
        crm.events().flush();

        for (WeakReference<Object> ref : refs) {
            assertThat(collected(ref)).as("%s", ref.get()).isTrue();
        }
    }
}
