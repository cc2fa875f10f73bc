package org.crmkit.spi.tck.segment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Direction;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;
import org.crmkit.spi.score.Score;
import org.crmkit.spi.segment.ScoreReading;

/**
 * Seeded random customers and interactions of {@link SegmentQueryFixture#TENANT}, shaped by the fixture's
 * {@link SegmentQueryFixture#SCHEMA}, for the segment TCK's equivalence property: values that sit on the edges a
 * translation gets wrong (instants on window and day boundaries and between milliseconds, 29 February, texts with
 * SQL's wildcard and quote characters, numbers written with exponents, amounts in two currencies, missing
 * attributes and properties, a visitor's interactions).
 *
 * @param now          the instant to evaluate at
 * @param zone         the time zone of day windows
 * @param customers    the customers
 * @param interactions the interactions, about those customers and one visitor
 * @param scores       the customers' stored scores
 * @param reading      how scores are read: as stored, or with engagement decaying (and 0 when absent)
 */
public record RandomSegmentData(Instant now, ZoneId zone, List<Customer> customers, List<Interaction> interactions,
                                Map<CustomerId, List<Score>> scores, ScoreReading reading) {
    static final List<String> CITIES = List.of("Berlin", "berlin", "BERLIN", "Hamburg", "München", "Bad Homburg", "",
            "50%_off", "O'Brien", "Zürich \\ Nord");
    static final List<String> DOMAINS = List.of("example.com", "mail.de", "sub.example.com");
    static final List<String> TAGS = List.of("vip", "new", "churn-risk");
    static final List<String> PAGES = List.of("/pricing", "/home", "/Pricing");
    static final List<String> CAMPAIGNS = List.of("spring", "fall");
    static final List<InteractionType> TYPES = List.of(InteractionType.ORDER_PLACED, InteractionType.PAGE_VIEW,
            InteractionType.CALL, InteractionType.MESSAGE_OPENED);
    static final List<Channel> CHANNELS = List.of(Channel.WEB, Channel.EMAIL, Channel.PHONE);
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("Pacific/Kiritimati"),
            ZoneId.of("UTC"), ZoneId.of("America/New_York"));
    private static final Currency USD = Currency.getInstance("USD");

    /** The data of {@code seed}: about 24 customers and 100 interactions, evaluated at a {@code now} with nanos. */
    public static RandomSegmentData generate(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Instant now = Instant.parse("2026-03-15T10:17:42.123456789Z").plus(Duration.ofMinutes(random.nextInt(0,
                2 * 24 * 60)));
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        Generator g = new Generator(random, now, zone);
        List<Customer> customers = new ArrayList<>();
        List<Interaction> interactions = new ArrayList<>();
        Map<CustomerId, List<Score>> scores = new HashMap<>();
        int n = 16 + random.nextInt(16);
        for (int i = 0; i < n; i++) {
            CustomerId id = CustomerId.of("c" + i);
            customers.add(g.customer(id));
            List<Score> stored = g.scores();
            if (!stored.isEmpty()) {
                scores.put(id, stored);
            }
            for (int k = random.nextInt(9); k > 0; k--) {
                interactions.add(g.interaction("i" + interactions.size(), Subject.customer(id)));
            }
        }
        interactions.add(g.interaction("v0", Subject.visitor(VisitorId.of("visitor-1"))));
        ScoreReading reading = switch (random.nextInt(3)) {
            case 0 -> ScoreReading.AS_STORED;
            case 1 -> new ScoreReading(Map.of("engagement", Duration.ofDays(7)), Map.of());
            default -> new ScoreReading(Map.of("engagement", Duration.ofHours(36).plusNanos(1)),
                    Map.of("engagement", 0.0));
        };
        return new RandomSegmentData(now, zone, List.copyOf(customers), List.copyOf(interactions), Map.copyOf(scores),
                reading);
    }

    private record Generator(SplittableRandom random, Instant now, ZoneId zone) {
        Customer customer(CustomerId id) {
            Instant created = instant(3000);
            Customer.Builder b = Customer.builder(SegmentQueryFixture.TENANT, id, Person.named("Given", "Family"),
                    created);
            Instant entered = created;
            for (int k = random.nextInt(3); k > 0; k--) {
                Instant at = entered.plus(Duration.ofSeconds(random.nextLong(1, Duration.between(entered, now)
                        .getSeconds() + 2)));
                entered = at.isAfter(now) ? now : at;
                b.stage(one(List.of(LifecycleStage.values())), entered);
            }
            TAGS.stream().filter(t -> random.nextInt(3) == 0).forEach(b::tag);
            if (chance()) {
                b.attribute("city", TypedValue.of(one(CITIES)));
            }
            if (chance()) {
                b.attribute("age", TypedValue.of(one(List.of(new BigDecimal(random.nextInt(-2, 100)),
                        new BigDecimal("34.5"), new BigDecimal("1E+2"), new BigDecimal("45.000")))));
            }
            if (chance()) {
                b.attribute("vip", TypedValue.of(random.nextBoolean()));
            }
            if (chance()) {
                b.attribute("birthday", TypedValue.of(birthday()));
            }
            if (chance()) {
                b.attribute("tier", TypedValue.choice(one(List.of("gold", "silver", "bronze"))));
            }
            if (chance()) {
                b.attribute("balance", TypedValue.of(Money.of(BigDecimal.valueOf(random.nextInt(-5000, 30_000), 2),
                        SegmentQueryFixture.EUR)));
            }
            if (chance()) {
                b.attribute("lat", TypedValue.of(BigDecimal.valueOf(random.nextInt(47_000, 55_000), 3)));
                b.attribute("lon", TypedValue.of(BigDecimal.valueOf(random.nextInt(6_000, 15_000), 3)));
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                b.contactPoint(ContactPoint.of(EmailAddress.parse("p" + k + "." + id.value() + "@" + one(DOMAINS)),
                        ContactUsage.HOME));
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                ContactPoint p = ContactPoint.of(PostalAddress.of("Street " + k, one(List.of("10115", "1010",
                        "SW1A 1AA", "sw1a 2bb", "20095")), "Town", one(List.of("DE", "AT", "GB"))), ContactUsage.WORK);
                b.contactPoint(random.nextInt(3) == 0 ? p.asPrimary() : p);
            }
            return b.build();
        }

        /** Often an engagement earned up to 30 days ago, sometimes negative; sometimes an RFM recency. */
        List<Score> scores() {
            List<Score> scores = new ArrayList<>();
            if (random.nextInt(3) > 0) {
                scores.add(Score.of("engagement", one(List.of(random.nextInt(-20, 120) + 0.0, 50.0, 0.0,
                        random.nextDouble(-10, 100))), instant(30)));
            }
            if (random.nextBoolean()) {
                scores.add(Score.of("rfm.recency", random.nextInt(1, 6), instant(30)));
            }
            return scores;
        }

        Interaction interaction(String id, Subject subject) {
            InteractionType type = one(TYPES);
            Interaction.Builder b = Interaction.builder(SegmentQueryFixture.TENANT, InteractionId.of(id), subject,
                    one(CHANNELS), type, instant(400)).direction(one(List.of(Direction.values())));
            if (type == InteractionType.ORDER_PLACED ? random.nextInt(5) > 0 : random.nextInt(5) == 0) {
                b.amount(Money.of(BigDecimal.valueOf(random.nextInt(0, 30_000), 2), random.nextInt(4) == 0 ? USD
                        : SegmentQueryFixture.EUR));
            }
            if (random.nextInt(3) == 0) {
                b.campaign(CampaignId.of(one(CAMPAIGNS)));
            }
            if (random.nextBoolean()) {
                b.property("page", TypedValue.of(one(PAGES)));
            }
            if (random.nextInt(3) == 0) {
                b.property("rating", one(List.of(TypedValue.of(random.nextInt(1, 4)), TypedValue.of(new BigDecimal(
                        "2.0")), TypedValue.choice("gold"), TypedValue.of("gold"))));
            }
            return b.build();
        }

        /** An instant up to {@code days} before now; often on an hour or a day boundary, or a nanosecond off one. */
        private Instant instant(int days) {
            Instant at = switch (random.nextInt(4)) {
                case 0 -> now.minus(Duration.ofHours(random.nextInt(1, 80)));
                case 1 -> now.atZone(zone).toLocalDate().minusDays(random.nextInt(0, days)).atStartOfDay(zone)
                        .toInstant();
                default -> now.minus(Duration.ofSeconds(random.nextLong(0, days * 86_400L)));
            };
            Instant jittered = at.plusNanos(one(List.of(0L, 0L, 1L, -1L, 500_000L, -500_000L)));
            return jittered.isAfter(now) ? now : jittered;
        }

        /** A birthday; often one whose anniversary is near today, and sometimes 29 February. */
        private LocalDate birthday() {
            LocalDate today = now.atZone(zone).toLocalDate();
            int year = 1940 + random.nextInt(70);
            return switch (random.nextInt(4)) {
                case 0 -> today.plusDays(random.nextInt(-3, 50)).withYear(year);
                case 1 -> LocalDate.of(1988 + 4 * random.nextInt(5), 2, 29);
                default -> LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
            };
        }

        private boolean chance() {
            return random.nextInt(4) > 0;
        }

        private <T> T one(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }
    }
}
