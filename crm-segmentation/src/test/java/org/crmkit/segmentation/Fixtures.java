package org.crmkit.segmentation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValueType;
import org.crmkit.spi.customer.AttributeDefinition;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;

/** The schema, catalog, clock and data builders the segmentation tests share. */
final class Fixtures {
    static final TenantId TENANT = TenantId.of("t1");
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZONE);
    static final Instant CREATED = Instant.parse("2020-01-01T00:00:00Z");
    static final Currency EUR = Currency.getInstance("EUR");
    static final AttributeSchema SCHEMA = AttributeSchema.of(
            AttributeDefinition.of("city", ValueType.STRING),
            AttributeDefinition.of("age", ValueType.NUMBER),
            AttributeDefinition.of("vip", ValueType.BOOLEAN),
            AttributeDefinition.of("birthday", ValueType.DATE),
            AttributeDefinition.enumeration("tier", Set.of("gold", "silver", "bronze")),
            AttributeDefinition.money("balance", EUR),
            AttributeDefinition.of("lat", ValueType.NUMBER),
            AttributeDefinition.of("lon", ValueType.NUMBER));
    static final PredicateFunction TAG_PREFIX = new PredicateFunction("has_tag_prefix",
            List.of(AttributeDefinition.of("prefix", ValueType.STRING)),
            (s, args) -> s.customer().tags().stream()
                    .anyMatch(t -> t.startsWith(((TypedValue.Text) args.get(0)).value())));

    private Fixtures() {
    }

    /** A catalog of {@link #SCHEMA}, scores {@code rfm.recency} and {@code engagement}, {@link #TAG_PREFIX}. */
    static SegmentCatalog catalog() {
        return SegmentCatalog.builder().attributes(SCHEMA).score("rfm.recency").score("engagement")
                .function(TAG_PREFIX).build();
    }

    static Customer.Builder customer(String id) {
        return Customer.builder(TENANT, CustomerId.of(id), Person.named("Ada", "Lovelace"), CREATED);
    }

    static Interaction interaction(String id, String customer, InteractionType type, Channel channel, Instant at) {
        return Interaction.builder(TENANT, InteractionId.of(id), Subject.customer(CustomerId.of(customer)), channel,
                type, at).build();
    }

    static Interaction order(String id, String customer, Channel channel, Instant at, String euros) {
        return Interaction.builder(TENANT, InteractionId.of(id), Subject.customer(CustomerId.of(customer)), channel,
                InteractionType.ORDER_PLACED, at).amount(Money.of(new BigDecimal(euros), EUR)).build();
    }

    static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), EUR);
    }
}
