package org.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.crmkit.Crm;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;
import org.crmkit.spi.tck.MutableClock;
import org.crmkit.testing.RecordingSink;
import org.junit.jupiter.api.Test;

class ErasureTest {
    static final TenantId T = TenantId.of("t1");

    final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T10:00:00Z"));
    final RecordingSink sink = new RecordingSink();
    final Crm crm = sink.of(Crm.builder().clock(clock).seed(3).eventSink(sink).build());

    @Test
    void erase_removesProfileInteractionsAndVisitorHistory() {
        VisitorId visitor = VisitorId.of("cookie-9");
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), Subject.visitor(visitor),
                Channel.WEB, InteractionType.PAGE_VIEW, clock.instant()).build());
        Customer ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b.contactPoint(
                ContactPoint.of(EmailAddress.parse("ann@example.com"), ContactUsage.HOME)));
        crm.customers().identify(T, visitor, ann.id());
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), Subject.customer(ann.id()),
                Channel.EMAIL, InteractionType.MESSAGE_OPENED, clock.instant()).build());

        assertThat(crm.customers().erase(T, ann.id()).anything()).isTrue();

        crm.events().flush();
        assertThat(crm.customers().find(T, ann.id())).isEmpty();
        assertThat(crm.customers().findByEmail(T, "ann@example.com")).isEmpty();
        assertThat(crm.storage().interactions().count(T)).isZero();
        assertThat(crm.storage().interactions().find(T, Subject.visitor(visitor), InteractionQuery.all()).items())
                .isEmpty();
        assertThat(sink.events()).last().isInstanceOfSatisfying(DomainEvent.CustomerErased.class,
                e -> assertThat(e.customer()).isEqualTo(ann.id()));
    }

    @Test
    void erase_isIdempotent() {
        Customer ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b);
        assertThat(crm.customers().erase(T, ann.id()).anything()).isTrue();
        crm.events().flush();
        int events = sink.events().size();

        assertThat(crm.customers().erase(T, ann.id()).anything()).isFalse();
        crm.events().flush();
        assertThat(sink.events()).hasSize(events);
    }

    @Test
    void erase_ofACustomerWithAVisitorIdentityThatIsNoVisitorId_erasesIt() {
        Customer ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b
                .identity(ExternalIdentity.of(CustomerService.VISITOR_IDENTITY_SYSTEM, "not a visitor id!")));

        assertThat(crm.customers().erase(T, ann.id()).anything()).isTrue();
        assertThat(crm.customers().find(T, ann.id())).isEmpty();
    }

    @Test
    void erase_ofAMergedAwayId_erasesThePersonItStandsFor_andSaysSo() {
        Customer ann = crm.customers().register(T, Person.named("Ann", "Lee"), b -> b);
        Customer old = crm.customers().register(T, Person.named("Ann", "Old"), b -> b);
        Customer older = crm.customers().register(T, Person.named("Ann", "Older"), b -> b);
        crm.customers().merge(T, old.id(), older.id());
        crm.customers().merge(T, ann.id(), old.id());

        ErasureResult result = crm.customers().erase(T, older.id());

        assertThat(result.erased()).isEqualTo(ann.id());
        assertThat(result.erasedSurvivor()).isTrue();
        assertThat(result.merged()).containsExactly(old.id(), older.id());
        assertThat(crm.customers().find(T, ann.id())).isEmpty();
        assertThat(crm.storage().customers().findMergeRecord(T, old.id())).isEmpty();
        assertThat(crm.storage().customers().findMergeRecord(T, older.id())).isEmpty();
        assertThat(sink.events(DomainEvent.CustomerErased.class)).singleElement().satisfies(e -> {
            assertThat(e.customer()).isEqualTo(ann.id());
            assertThat(e.merged()).containsExactly(old.id(), older.id());
        });
    }
}
