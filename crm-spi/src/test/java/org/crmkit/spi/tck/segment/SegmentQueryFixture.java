package org.crmkit.spi.tck.segment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.ValueType;
import org.crmkit.spi.customer.AttributeDefinition;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.score.Score;

/**
 * The fixed data the segment TCK loads into a store: five customers of tenant {@code tck} and their interactions,
 * placed relative to {@link #NOW}, and their scores. Every expected member set of {@link SegmentQueryCatalogue} is computed by hand
 * from this data.
 */
public final class SegmentQueryFixture {
    public static final TenantId TENANT = TenantId.of("tck");
    /** The instant the segments are evaluated at: 11:00 in Berlin. */
    public static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** UTC+14: at {@link #NOW} it is already 2026-03-16 there. */
    public static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");
    public static final Currency EUR = Currency.getInstance("EUR");
    /** The campaign of ben's opened e-mail and of the one sent to dev. */
    public static final CampaignId SPRING = CampaignId.of("spring");
    public static final AttributeSchema SCHEMA = AttributeSchema.of(
            AttributeDefinition.of("city", ValueType.STRING),
            AttributeDefinition.of("age", ValueType.NUMBER),
            AttributeDefinition.of("vip", ValueType.BOOLEAN),
            AttributeDefinition.of("birthday", ValueType.DATE),
            AttributeDefinition.enumeration("tier", Set.of("gold", "silver", "bronze")),
            AttributeDefinition.money("balance", EUR),
            AttributeDefinition.of("lat", ValueType.NUMBER),
            AttributeDefinition.of("lon", ValueType.NUMBER));
    private static final Instant CREATED = Instant.parse("2020-01-01T00:00:00Z");

    private SegmentQueryFixture() {
    }

    /** anna, ben, cleo, dev and eve. */
    public static List<Customer> customers() {
        return List.of(
                customer("anna", LifecycleStage.CUSTOMER).tag("vip")
                        .contactPoint(ContactPoint.of(EmailAddress.parse("anna@example.com"), ContactUsage.HOME))
                        .contactPoint(ContactPoint.of(PostalAddress.of("Unter den Linden 1", "10117", "Berlin", "DE"),
                                ContactUsage.HOME))
                        .attribute("lat", TypedValue.of(new BigDecimal("52.520"))).attribute("lon",
                                TypedValue.of(new BigDecimal("13.405")))
                        .contactPoint(ContactPoint.of(EmailAddress.parse("anna@sub.example.org"), ContactUsage.WORK))
                        .attribute("city", TypedValue.of("Berlin")).attribute("age", TypedValue.of(34))
                        .attribute("tier", TypedValue.choice("gold")).attribute("vip", TypedValue.of(true))
                        .attribute("balance", TypedValue.of(Money.of("120.00", EUR)))
                        .attribute("birthday", TypedValue.of(LocalDate.of(1990, 5, 1))).build(),
                customer("ben", LifecycleStage.LEAD).tag("newsletter")
                        .contactPoint(ContactPoint.of(PostalAddress.of("Jungfernstieg 1", "20095", "Hamburg", "DE"),
                                ContactUsage.HOME))
                        .attribute("lat", TypedValue.of(new BigDecimal("53.551"))).attribute("lon",
                                TypedValue.of(new BigDecimal("9.993")))
                        .attribute("city", TypedValue.of("Hamburg")).attribute("age", TypedValue.of(19))
                        .attribute("tier", TypedValue.choice("silver")).attribute("vip", TypedValue.of(false))
                        .build(),
                customer("cleo", LifecycleStage.PROSPECT).build(),
                customer("dev", LifecycleStage.CUSTOMER).tag("vip").tag("churn-risk")
                        .contactPoint(ContactPoint.of(PostalAddress.of("Kaiserstrasse 1", "10115", "Berlin", "DE"),
                                ContactUsage.WORK))
                        .contactPoint(ContactPoint.of(PostalAddress.of("Graben 1", "1010", "Wien", "AT"),
                                ContactUsage.HOME).asPrimary())
                        .attribute("city", TypedValue.of("Bad Homburg")).attribute("age", TypedValue.of(61))
                        .attribute("balance", TypedValue.of(Money.of("5.00", EUR)))
                        .attribute("birthday", TypedValue.of(LocalDate.of(1965, 1, 1))).build(),
                customer("eve", LifecycleStage.INACTIVE)
                        .attribute("lat", TypedValue.of(new BigDecimal("48.137"))).attribute("lon",
                                TypedValue.of(new BigDecimal("11.575")))
                        .attribute("city", TypedValue.of("Berlin")).attribute("age", TypedValue.of(45))
                        .attribute("tier", TypedValue.choice("bronze")).build());
    }

    /**
     * The stored scores: anna's engagement 60 a day ago and {@code rfm.recency} 5, ben's engagement 55 a week ago,
     * dev's {@code rfm.recency} 1; cleo and eve have none.
     */
    public static Map<CustomerId, List<Score>> scores() {
        return Map.of(
                CustomerId.of("anna"), List.of(Score.of("engagement", 60, NOW.minus(Duration.ofDays(1))),
                        Score.of("rfm.recency", 5, NOW.minus(Duration.ofDays(30)))),
                CustomerId.of("ben"), List.of(Score.of("engagement", 55, NOW.minus(Duration.ofDays(7)))),
                CustomerId.of("dev"), List.of(Score.of("rfm.recency", 1, NOW.minus(Duration.ofDays(30)))));
    }

    /** Every interaction of the fixture, all about known customers. */
    public static List<Interaction> interactions() {
        List<Interaction> all = new ArrayList<>();
        all.add(order("a1", "anna", Channel.WEB, Duration.ofDays(8), "80.00", "EUR"));
        all.add(order("a2", "anna", Channel.PHONE, Duration.ofDays(40), "30.00", "EUR"));
        all.add(eventBuilder("a3", "anna", InteractionType.PAGE_VIEW, Channel.WEB, Duration.ofHours(2))
                .property("page", TypedValue.of("/pricing")).build());
        all.add(eventBuilder("b1", "ben", InteractionType.PAGE_VIEW, Channel.WEB, Duration.ofDays(20))
                .property("page", TypedValue.of("/home")).build());
        all.add(eventBuilder("b2", "ben", InteractionType.MESSAGE_OPENED, Channel.EMAIL, Duration.ofHours(11))
                .campaign(SPRING).build());
        all.add(event("b3", "ben", InteractionType.CALL, Channel.PHONE, Duration.ofDays(100)));
        all.add(order("d1", "dev", Channel.WEB, Duration.ofDays(200), "500.00", "EUR"));
        all.add(order("d2", "dev", Channel.WEB, Duration.ofDays(3), "20.00", "USD"));
        all.add(eventBuilder("d3", "dev", InteractionType.MESSAGE_SENT, Channel.EMAIL, Duration.ofDays(50))
                .campaign(SPRING).build());
        all.add(order("e1", "eve", Channel.IN_PERSON, Duration.ofDays(29), "15.00", "EUR"));
        return all;
    }

    private static Customer.Builder customer(String id, LifecycleStage stage) {
        return Customer.builder(TENANT, CustomerId.of(id), Person.named("Given", "Family"), CREATED)
                .stage(stage, CREATED.plusSeconds(60));
    }

    private static Interaction event(String id, String customer, InteractionType type, Channel channel,
                                     Duration ago) {
        return eventBuilder(id, customer, type, channel, ago).build();
    }

    private static Interaction.Builder eventBuilder(String id, String customer, InteractionType type, Channel channel,
                                                    Duration ago) {
        return Interaction.builder(TENANT, InteractionId.of(id), Subject.customer(CustomerId.of(customer)), channel,
                type, NOW.minus(ago));
    }

    private static Interaction order(String id, String customer, Channel channel, Duration ago, String amount,
                                     String currency) {
        return Interaction.builder(TENANT, InteractionId.of(id), Subject.customer(CustomerId.of(customer)), channel,
                InteractionType.ORDER_PLACED, NOW.minus(ago)).amount(Money.of(new BigDecimal(amount),
                Currency.getInstance(currency))).build();
    }
}
