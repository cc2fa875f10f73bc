package org.crmkit.consents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.crmkit.Crm;
import org.crmkit.consent.ContactDecision;
import org.crmkit.consent.DenialReason;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.Test;

/** Merging customers through {@code Crm} carries their refusals to the survivor, through chains of merges. */
class CrmConsentMergeTest {
    static final TenantId T = TenantId.of("t1");
    static final ConsentScope POSTAL = ConsentScope.of(ConsentChannel.POSTAL_MAIL, Purpose.MARKETING);

    final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    final Crm crm = Crm.builder().clock(clock).seed(9).eventRelayThread(false)
            .consentKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)).build();

    static PostalAddress home(String who) {
        return PostalAddress.of(who + " Street 1", "10115", "Berlin", "DE");
    }

    private CustomerId register(String who) {
        return crm.customers().register(T, Person.named(who, "Lee"), b -> b.contactPoint(
                ContactPoint.of(home(who), ContactUsage.HOME).asPrimary())).id();
    }

    private Evidence letter() {
        clock.advance(Duration.ofMinutes(1));
        return Evidence.of(CaptureSource.of(CaptureSource.Kind.PAPER_FORM, "reply-card"), clock.instant());
    }

    private ContactDecision postal(CustomerId id) {
        return crm.consents().decide(T, id, ConsentChannel.POSTAL_MAIL, Purpose.MARKETING);
    }

    /** Makes {@code address} the customer's preferred postal address. */
    private void prefer(CustomerId id, PostalAddress address) {
        crm.customers().modify(T, id, b -> {
            Customer current = b.build();
            return b.contactPoints(current.contactPoints().stream().map(p -> p.value().equals(address)
                    ? ContactPoint.of(p.value(), ContactUsage.HOME).asPrimary()
                    : ContactPoint.of(p.value(), ContactUsage.WORK)).toList());
        });
    }

    @Test
    void aPostalRefusal_survivesTheChainAIntoBIntoC() {
        CustomerId a = register("a");
        CustomerId b = register("b");
        CustomerId c = register("c");
        crm.consents().optOut(T, a, POSTAL, letter());
        assertThat(postal(c).isAllowed()).isTrue();

        crm.customers().merge(T, b, a);
        crm.customers().merge(T, c, b);

        assertThat(postal(c)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
        prefer(c, home("a"));
        assertThat(postal(c)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
        assertThat(crm.consents().history(T, c)).extracting(LedgerEntry::customer).containsOnly(c);
        assertThat(crm.consents().verify(T).intact()).isTrue();
    }

    @Test
    void aRefusalAtTheFirstCustomersAddress_holdsThereAfterTheChain() {
        CustomerId a = register("a");
        CustomerId b = register("b");
        CustomerId c = register("c");
        crm.consents().optOut(T, a, ConsentScope.of(ConsentChannel.POSTAL_MAIL, Purpose.MARKETING, home("a")),
                letter());

        crm.customers().merge(T, b, a);
        crm.customers().merge(T, c, b);

        assertThat(crm.customers().get(T, c).contactPoints()).extracting(ContactPoint::value)
                .contains(home("a"));
        assertThat(postal(c).isAllowed()).as("at c's own address").isTrue();
        prefer(c, home("a"));
        assertThat(postal(c)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
    }

    @Test
    void anotherCrm_onTheSameStorage_seesWhatTheMergeCarried() {
        CustomerId a = register("a");
        CustomerId b = register("b");
        crm.consents().optOut(T, a, POSTAL, letter());
        crm.customers().merge(T, b, a);

        Crm other = Crm.builder().storage(crm.storage()).clock(clock).seed(10).eventRelayThread(false)
                .consentKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)).build();

        assertThat(other.consents().decide(T, b, ConsentChannel.POSTAL_MAIL, Purpose.MARKETING))
                .isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
        assertThat(List.of(a, b)).allSatisfy(id -> assertThat(other.consents().history(T, id)).isNotEmpty());
    }

    @Test
    void aConsentRecordedForAMergedAwayId_isRecordedForItsSurvivor_andDecisionsAboutItAreTheSurvivors() {
        CustomerId a = register("a");
        CustomerId b = register("b");
        String token = crm.consents().issueUnsubscribeToken(T, a, ConsentChannel.POSTAL_MAIL, Purpose.MARKETING,
                Duration.ofDays(30));
        crm.customers().merge(T, b, a);
        assertThat(postal(b).isAllowed()).isTrue();

        crm.consents().unsubscribe(token);

        assertThat(postal(b)).isEqualTo(ContactDecision.Denied.of(DenialReason.OPTED_OUT));
        assertThat(postal(a)).as("the merged-away id decides as its survivor").isEqualTo(postal(b));
        assertThat(crm.consents().optOut(T, a, ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER), letter())
                .customer()).isEqualTo(b);
    }
}
