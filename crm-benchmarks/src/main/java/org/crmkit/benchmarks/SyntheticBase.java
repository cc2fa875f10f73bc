package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.SplittableRandom;

import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;

/**
 * Deterministic synthetic customers and interactions for the benchmarks: customer {@code n} has id {@code c<n>},
 * identity {@code webshop:<n>}, e-mail {@code user<n>@example.com}, a phone and 5 attributes.
 */
final class SyntheticBase {
    static final TenantId TENANT = TenantId.of("bench");
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Channel[] CHANNELS = {Channel.WEB, Channel.WEB, Channel.WEB, Channel.EMAIL, Channel.PHONE};
    private static final InteractionType[] TYPES = {InteractionType.PAGE_VIEW, InteractionType.PAGE_VIEW,
        InteractionType.PAGE_VIEW, InteractionType.MESSAGE_OPENED, InteractionType.ORDER_PLACED};

    private SyntheticBase() {
    }

    static CustomerId customerId(int n) {
        return CustomerId.of("c" + n);
    }

    static ExternalIdentity identity(int n) {
        return ExternalIdentity.of("webshop", Integer.toString(n));
    }

    static EmailAddress email(int n) {
        return new EmailAddress("user" + n + "@example.com");
    }

    static Customer customer(int n) {
        return Customer.builder(TENANT, customerId(n), Person.named("Given" + n, "Family" + n), START)
                .contactPoint(ContactPoint.of(email(n), ContactUsage.HOME).asPrimary())
                .contactPoint(ContactPoint.of(new PhoneNumber("+4930" + (10_000_000 + n)), ContactUsage.MOBILE))
                .identity(identity(n))
                .attribute("tier", TypedValue.choice(n % 3 == 0 ? "gold" : "silver"))
                .attribute("birthday", TypedValue.of(LocalDate.of(1950 + n % 50, 1 + n % 12, 1 + n % 28)))
                .attribute("newsletter", TypedValue.of(n % 2 == 0))
                .attribute("score", TypedValue.of(n % 1000))
                .attribute("city", TypedValue.of(n % 2 == 0 ? "Berlin" : "Hamburg"))
                .build();
    }

    /** Interaction {@code k} of a base of {@code customers} customers, occurring in increasing time order. */
    static Interaction interaction(long k, int customers, SplittableRandom random) {
        int n = random.nextInt(customers);
        int kind = random.nextInt(CHANNELS.length);
        Interaction.Builder b = Interaction.builder(TENANT, InteractionId.of("i" + k), Subject.customer(customerId(n)),
                CHANNELS[kind], TYPES[kind], START.plusSeconds(k));
        if (TYPES[kind] == InteractionType.ORDER_PLACED) {
            b.amount(new Money(BigDecimal.valueOf(random.nextInt(100_00), 2), EUR));
        }
        return b.build();
    }
}
