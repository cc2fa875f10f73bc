package org.crmkit.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;

/** Representative model values whose JSON the format tests pin. */
final class JsonFixtures {
    static final TenantId TENANT = TenantId.of("acme");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private JsonFixtures() {
    }

    static Customer customer() {
        return Customer.builder(TENANT, CustomerId.of("c-1"), Person.named("Ann", "Lee"), T0)
                .version(3)
                .stage(LifecycleStage.CUSTOMER, Instant.parse("2026-01-02T10:15:30Z"))
                .owner("rep-7")
                .tag("vip").tag("newsletter")
                .contactPoint(ContactPoint.of(EmailAddress.parse("Ann.Lee@Example.com"), ContactUsage.HOME)
                        .asPrimary().asVerified())
                .contactPoint(ContactPoint.of(PhoneNumber.parse("+49 30 1234567"), ContactUsage.MOBILE))
                .contactPoint(ContactPoint.of(new PostalAddress(List.of("Invalidenstr. 1"), "10115", "Berlin",
                        Optional.empty(), "DE"), ContactUsage.HOME))
                .identity(ExternalIdentity.of("erp", "4711"))
                .attribute("tier", TypedValue.choice("gold"))
                .attribute("birthday", TypedValue.of(LocalDate.parse("1990-05-17")))
                .updatedAt(Instant.parse("2026-01-02T10:15:30.250Z"))
                .build();
    }

    static Interaction interaction() {
        return Interaction.builder(TENANT, InteractionId.of("i-9"), Subject.customer(CustomerId.of("c-1")),
                        Channel.WEB, InteractionType.ORDER_PLACED, Instant.parse("2026-01-03T08:00:00Z"))
                .recordedAt(Instant.parse("2026-01-03T08:00:01Z"))
                .amount(Money.of("12.50", "EUR"))
                .property("items", TypedValue.of(3))
                .property("ratio", TypedValue.of(new BigDecimal("0.125")))
                .property("gift", TypedValue.of(true))
                .property("note", TypedValue.of("leave at the \"door\""))
                .property("shipping", TypedValue.of(Money.of("4.9", "EUR")))
                .source("webshop", "order-1001")
                .campaign(CampaignId.of("spring-26"))
                .build();
    }

    static DomainEvent reassigned() {
        return new DomainEvent.InteractionsReassigned(
                EventId.of(UUID.fromString("123e4567-e89b-12d3-a456-426614174000")), TENANT,
                Instant.parse("2026-01-04T12:00:00Z"),
                Subject.visitor(VisitorId.of("cookie-42")), CustomerId.of("c-1"), 5);
    }
}
