package org.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Set;

import org.crmkit.Crm;
import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.ValueType;
import org.crmkit.spi.customer.AttributeDefinition;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.tck.MutableClock;
import org.crmkit.testing.RecordingSink;
import org.junit.jupiter.api.Test;

class CustomerServiceTest {
    static final TenantId T = TenantId.of("t1");
    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final RecordingSink sink = new RecordingSink();
    final Crm crm = sink.of(Crm.builder().clock(clock).seed(7).eventSink(sink).defaultPhoneRegion("DE")
            .attributeSchema(AttributeSchema.of(
                    AttributeDefinition.enumeration("tier", Set.of("bronze", "gold")),
                    AttributeDefinition.of("birthday", ValueType.DATE)))
            .build());
    final CustomerService customers = crm.customers();

    static ContactPoint email(String address) {
        return ContactPoint.of(EmailAddress.parse(address), ContactUsage.HOME);
    }

    @Test
    void register_storesVersionOneStampedByTheClockAndPublishesCreated() {
        Customer ann = customers.register(T, Person.named("Ann", "Lee"), b -> b.contactPoint(email("ann@x.org")));

        assertThat(ann.version()).isEqualTo(1);
        assertThat(ann.createdAt()).isEqualTo(START);
        assertThat(ann.stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(customers.get(T, ann.id())).isEqualTo(ann);
        assertThat(sink.events()).singleElement().isInstanceOfSatisfying(DomainEvent.CustomerCreated.class,
                e -> assertThat(e.customer()).isEqualTo(ann));
    }

    @Test
    void register_withTheSameSeed_generatesTheSameIds() {
        Crm other = Crm.builder().clock(clock).seed(7).build();
        Customer a = customers.register(T, Person.named("A", "B"), b -> b);
        Customer b = other.customers().register(T, Person.named("A", "B"), x -> x);
        assertThat(a.id()).isEqualTo(b.id());
    }

    @Test
    void register_unknownAttribute_failsNamingItAndLeavesNothing() {
        assertThatThrownBy(() -> customers.register(T, Person.named("Ann", "Lee"),
                b -> b.attribute("shoe_size", TypedValue.of(42))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("attributes.shoe_size"));
        assertThat(crm.storage().customers().count(T)).isZero();
        assertThat(sink.events()).isEmpty();
    }

    @Test
    void register_attributeOfTheWrongType_fails() {
        assertThatThrownBy(() -> customers.register(T, Person.named("Ann", "Lee"),
                b -> b.attribute("birthday", TypedValue.of("yesterday"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("attributes.birthday");
                    assertThat(e.reason()).contains("DATE");
                });
        assertThatThrownBy(() -> customers.register(T, Person.named("Ann", "Lee"),
                b -> b.attribute("tier", TypedValue.choice("platinum"))))
                .isInstanceOf(ValidationException.class);
        assertThat(crm.storage().customers().count(T)).isZero();
    }

    @Test
    void register_identityHeldByAnother_failsWithDuplicateKey() {
        customers.register(T, Person.named("A", "B"), b -> b.identity(ExternalIdentity.of("erp", "1")));
        assertThatThrownBy(() -> customers.register(T, Person.named("C", "D"),
                b -> b.identity(ExternalIdentity.of("erp", "1"))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(crm.storage().customers().count(T)).isEqualTo(1);
    }

    @Test
    void update_staleVersion_failsAndPublishesNothing() {
        Customer ann = customers.register(T, Person.named("Ann", "Lee"), b -> b);
        customers.update(ann.toBuilder().tag("vip").build());
        int before = sink.events().size();

        assertThatThrownBy(() -> customers.update(ann.toBuilder().tag("other").build()))
                .isInstanceOfSatisfying(ConcurrentModificationException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });
        assertThat(sink.events()).hasSize(before);
        assertThat(customers.get(T, ann.id()).tags()).containsExactly("vip");
    }

    @Test
    void update_stampsUpdatedAtFromTheClock() {
        Customer ann = customers.register(T, Person.named("Ann", "Lee"), b -> b);
        clock.advance(Duration.ofHours(1));
        Customer changed = customers.modify(T, ann.id(), b -> b.attribute("birthday",
                TypedValue.of(LocalDate.of(1990, 1, 2))));
        assertThat(changed.updatedAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(changed.createdAt()).isEqualTo(START);
        assertThat(changed.version()).isEqualTo(2);
    }

    @Test
    void get_unknownCustomer_throwsNotFound() {
        assertThatThrownBy(() -> customers.get(T, org.crmkit.spi.customer.CustomerId.of("nobody")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.id()).isEqualTo("nobody"));
    }

    @Test
    void findByEmail_ignoresCase() {
        Customer ann = customers.register(T, Person.named("Ann", "Lee"), b -> b.contactPoint(email("ann@x.org")));
        assertThat(customers.findByEmail(T, "  ANN@X.org ")).containsExactly(ann);
    }

    @Test
    void findByPhone_readsNationalNumbersInTheDefaultRegion() {
        Customer bob = customers.register(T, Person.named("Bob", "M"), b -> b.contactPoint(
                ContactPoint.of(customers.phoneNumber("+49 30 1234567"), ContactUsage.MOBILE)));
        assertThat(customers.findByPhone(T, "030 / 123 45 67")).containsExactly(bob);
    }

    @Test
    void tenants_areIsolated() {
        Customer ann = customers.register(T, Person.named("Ann", "Lee"), b -> b.contactPoint(email("ann@x.org")));
        TenantId other = TenantId.of("t2");
        assertThat(customers.find(other, ann.id())).isEmpty();
        assertThat(customers.findByEmail(other, "ann@x.org")).isEmpty();
    }

    @Test
    void eventSinkFailure_keepsTheWrite_andTheEventIsDeliveredWhenTheSinkRecovers() {
        AtomicBoolean down = new AtomicBoolean(true);
        RecordingSink received = new RecordingSink();
        try (Crm failing = Crm.builder().clock(clock).seed(1).eventRelayThread(false).eventSink(e -> {
            if (down.get()) {
                throw new IllegalStateException("bus down");
            }
            received.publish(e);
        }).build()) {
            Customer ann = failing.customers().register(T, Person.named("Ann", "Lee"), b -> b);
            assertThat(failing.events().flush()).isZero();
            assertThat(failing.storage().customers().count(T)).isEqualTo(1);
            assertThat(failing.events().backlog().count()).isEqualTo(1);

            down.set(false);
            clock.advance(Duration.ofMinutes(10));
            assertThat(failing.events().flush()).isEqualTo(1);
            assertThat(received.events()).singleElement().isInstanceOfSatisfying(DomainEvent.CustomerCreated.class,
                    e -> assertThat(e.customer()).isEqualTo(ann));
            assertThat(failing.events().backlog().count()).isZero();
        }
    }
}
