package org.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.spi.tck.Reachability.collected;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.crmkit.Crm;
import org.crmkit.consent.ContactDecision;
import org.crmkit.consent.DenialReason;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.Test;

/** Erasing a customer leaves none of its versions in what the consent engine remembers. */
class ConsentForgettingTest {
    static final TenantId T = TenantId.of("t1");

    final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    final Crm crm = Crm.builder().clock(clock).seed(5)
            .consentKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)).build();

    private CustomerId register(String name) {
        return crm.customers().register(T, Person.named(name, "Lee"), b -> b.contactPoint(
                ContactPoint.of(EmailAddress.parse(name + "@example.com"), ContactUsage.HOME))).id();
    }

    /** Decides once, so that the engine remembers the customer, and returns a weak reference to that version. */
    private WeakReference<Customer> decidedOn(CustomerId id) {
        ContactDecision d = crm.consents().decide(T, id, ConsentChannel.EMAIL, Purpose.SERVICE, clock.instant());
        assertThat(d.isAllowed()).isTrue();
        return new WeakReference<>(crm.customers().find(T, id).orElseThrow());
    }

    @Test
    void erase_leavesNoVersionOfTheCustomerInTheConsentEngine() {
        CustomerId ann = register("ann");
        WeakReference<Customer> version = decidedOn(ann);

        crm.customers().erase(T, ann);

        assertThat(collected(version)).isTrue();
        assertThat(crm.consents().decide(T, ann, ConsentChannel.EMAIL, Purpose.SERVICE, clock.instant()))
                .isEqualTo(ContactDecision.Denied.of(DenialReason.UNKNOWN_CUSTOMER));
    }
}
