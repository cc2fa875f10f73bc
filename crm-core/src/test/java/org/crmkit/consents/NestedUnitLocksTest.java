package org.crmkit.consents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.crmkit.Crm;
import org.crmkit.memory.InMemoryStorage;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.tck.MutableClock;
import org.crmkit.testing.LockRuleStorage;
import org.junit.jupiter.api.Test;

/**
 * The engine keeps the storage's rule on nested units: a unit started inside another names only locks the outer unit
 * holds (naming others takes them after the outer unit's, out of the global order, and two threads doing so can
 * deadlock). A storage that checks the rule runs every kind of write through a {@code Crm}.
 */
class NestedUnitLocksTest {
    static final TenantId T = TenantId.of("t1");
    static final ConsentScope EMAIL = ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING);

    final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    final LockRuleStorage storage = new LockRuleStorage(new InMemoryStorage());
    final Crm crm = Crm.builder().storage(storage).clock(clock).seed(5).eventRelayThread(false)
            .consentKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)).build();

    private CustomerId register(String who) {
        return crm.customers().register(T, Person.named(who, "Lee"), b -> b.contactPoint(
                ContactPoint.of(EmailAddress.parse(who + "@example.com"), ContactUsage.HOME).asPrimary())).id();
    }

    private Evidence form() {
        clock.advance(Duration.ofMinutes(1));
        return Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "signup"), clock.instant(),
                Wording.version("signup-v1"));
    }

    private void record(CustomerId customer) {
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), Subject.customer(customer),
                Channel.WEB, InteractionType.PAGE_VIEW, clock.instant()).build());
    }

    @Test
    void everyWrite_namesInItsNestedUnitsOnlyLocksTheOuterUnitHolds() {
        CustomerId a = register("a");
        CustomerId b = register("b");
        CustomerId c = register("c");
        CustomerId d = register("d");
        crm.consents().optIn(T, a, EMAIL, Capture.TICKED_BOX, form());
        crm.consents().optOut(T, b, EMAIL, form());
        record(a);
        record(b);
        crm.customers().modify(T, a, x -> x.party(Person.named("Ann", "Lee")));
        crm.customers().merge(T, b, a);
        crm.customers().merge(T, c, b);
        record(a);
        crm.events().flush();

        assertThat(crm.customers().erase(T, c).merged()).contains(a, b);
        assertThat(crm.customers().erase(T, d).anything()).isTrue();
        crm.events().flush();

        assertThat(storage.broken).isEmpty();
        assertThat(crm.consents().verify(T).intact()).isTrue();
    }
}
