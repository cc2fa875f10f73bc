package org.crmkit.benchmarks.segment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.InteractionHistory;
import org.crmkit.segmentation.SegmentCatalog;
import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValueType;
import org.crmkit.spi.customer.AttributeDefinition;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;

/**
 * Deterministic synthetic snapshots for the segment benchmarks: customer {@code n} has a city, an age, a tier, a
 * stage, an engagement score and 0 to 9 interactions over the last 180 days, given as snapshots or as the raw
 * customers and interactions (for loading them into a database).
 */
final class SegmentBase {
    static final TenantId TENANT = TenantId.of("bench");
    static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Clock CLOCK = Clock.fixed(NOW, ZONE);
    static final Currency EUR = Currency.getInstance("EUR");
    static final InteractionType[] TYPES = {InteractionType.PAGE_VIEW, InteractionType.ORDER_PLACED,
        InteractionType.MESSAGE_OPENED, InteractionType.CALL};
    static final Channel[] CHANNELS = {Channel.WEB, Channel.EMAIL, Channel.PHONE};
    private static final String[] CITIES = {"Berlin", "Hamburg", "Munich", "Cologne"};
    private static final Instant CREATED = Instant.parse("2020-01-01T00:00:00Z");

    private SegmentBase() {
    }

    static SegmentCatalog catalog() {
        return SegmentCatalog.builder()
                .attributes(AttributeSchema.of(AttributeDefinition.of("city", ValueType.STRING),
                        AttributeDefinition.of("age", ValueType.NUMBER),
                        AttributeDefinition.enumeration("tier", Set.of("gold", "silver", "bronze"))))
                .score("engagement").score("rfm.recency")
                .build();
    }

    static Customer customer(int n, SplittableRandom random) {
        return Customer.builder(TENANT, CustomerId.of("c" + n), Person.named("G", "F"), CREATED)
                .attribute("city", TypedValue.of(CITIES[random.nextInt(CITIES.length)]))
                .attribute("age", TypedValue.of(18 + random.nextInt(60)))
                .attribute("tier", TypedValue.choice(n % 3 == 0 ? "gold" : n % 3 == 1 ? "silver" : "bronze"))
                .stage(n % 4 == 0 ? LifecycleStage.LEAD : LifecycleStage.CUSTOMER, CREATED.plusSeconds(60))
                .build();
    }

    static Interaction interaction(int n, long k, SplittableRandom random) {
        int kind = random.nextInt(TYPES.length);
        Interaction.Builder b = Interaction.builder(TENANT, InteractionId.of("i" + n + "_" + k),
                Subject.customer(CustomerId.of("c" + n)), CHANNELS[random.nextInt(CHANNELS.length)], TYPES[kind],
                NOW.minusSeconds(random.nextLong(180L * 86_400)));
        if (TYPES[kind] == InteractionType.ORDER_PLACED) {
            b.amount(Money.of(BigDecimal.valueOf(random.nextInt(200_00), 2), EUR));
        }
        return b.build();
    }

    /** An order on the web, now, of customer {@code n}. */
    static Interaction webOrder(int n, long k, SplittableRandom random) {
        return webOrder(n, k, random, NOW);
    }

    /** An order on the web of customer {@code n}, placed at {@code at}. */
    static Interaction webOrder(int n, long k, SplittableRandom random, Instant at) {
        return Interaction.builder(TENANT, InteractionId.of("o" + n + "_" + k), Subject.customer(CustomerId.of("c" + n)),
                Channel.WEB, InteractionType.ORDER_PLACED, at)
                .amount(Money.of(BigDecimal.valueOf(random.nextInt(200_00), 2), EUR)).build();
    }

    /** {@code size} snapshots, seeded: those of {@link #generate} with the same size and seed. */
    static List<CustomerSnapshot> snapshots(int size, long seed) {
        List<CustomerSnapshot> base = new ArrayList<>(size);
        generate(size, seed, generated -> base.add(generated.snapshot()));
        return base;
    }

    /**
     * Hands customers {@code 0} to {@code size - 1}, in that order, to {@code sink}; the same size and seed give the
     * same customers, interactions and scores.
     */
    static void generate(int size, long seed, Consumer<Generated> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 0; n < size; n++) {
            List<Interaction> interactions = new ArrayList<>();
            int count = random.nextInt(10);
            for (int k = 0; k < count; k++) {
                interactions.add(interaction(n, k, random));
            }
            Customer customer = customer(n, random);
            sink.accept(new Generated(customer, interactions,
                    Map.of("engagement", (double) random.nextInt(100), "rfm.recency", 1.0 + random.nextInt(5))));
        }
    }

    /** One generated customer with its interactions (in generation order, not sorted) and scores. */
    record Generated(Customer customer, List<Interaction> interactions, Map<String, Double> scores) {
        CustomerSnapshot snapshot() {
            return new CustomerSnapshot(customer, InteractionHistory.of(interactions), scores);
        }
    }
}
