package org.crmkit.segmentation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.interaction.Direction;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.Subject;

/** A seeded random base: customers with random attributes, tags and stages, interactions and scores. */
final class RandomBase {
    /** Country, postal code and town of random addresses. */
    static final List<String[]> PLACES = List.of(new String[] {"DE", "10115", "Berlin"},
            new String[] {"DE", "20095", "Hamburg"}, new String[] {"AT", "1010", "Wien"},
            new String[] {"GB", "sw1a 1aa", "London"});

    final List<Customer> customers = new ArrayList<>();
    final List<Interaction> interactions = new ArrayList<>();
    final Map<CustomerId, Map<String, Double>> scores = new HashMap<>();

    RandomBase(long seed, int size) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int n = 0; n < size; n++) {
            Customer.Builder b = Fixtures.customer("c" + n);
            if (r.nextBoolean()) {
                b.attribute("city", TypedValue.of(pick(r, RandomConditions.CITIES)));
            }
            if (r.nextBoolean()) {
                b.attribute("age", TypedValue.of(r.nextInt(0, 100)));
            }
            if (r.nextBoolean()) {
                b.attribute("vip", TypedValue.of(r.nextBoolean()));
            }
            if (r.nextBoolean()) {
                b.attribute("birthday", TypedValue.of(r.nextInt(8) == 0 ? LocalDate.of(1960, 2, 29)
                        : LocalDate.of(1950 + r.nextInt(60), 1 + r.nextInt(12), 1 + r.nextInt(28))));
            }
            if (r.nextBoolean()) {
                b.attribute("tier", TypedValue.choice(pick(r, List.of("gold", "silver", "bronze"))));
            }
            if (r.nextBoolean()) {
                b.attribute("balance", TypedValue.of(Money.of(BigDecimal.valueOf(r.nextInt(0, 30_000), 2),
                        Fixtures.EUR)));
            }
            for (int a = r.nextInt(3); a > 0; a--) {
                String[] place = pick(r, PLACES);
                ContactPoint point = ContactPoint.of(PostalAddress.of("Street " + a, place[1], place[2], place[0]),
                        ContactUsage.OTHER);
                b.contactPoint(a == 1 && r.nextBoolean() ? point.asPrimary() : point);
            }
            if (r.nextBoolean()) {
                b.attribute("lat", TypedValue.of(BigDecimal.valueOf(r.nextInt(47_000, 55_000), 3)));
                b.attribute("lon", TypedValue.of(BigDecimal.valueOf(r.nextInt(6_000, 15_000), 3)));
            }
            for (String domain : RandomConditions.DOMAINS) {
                if (r.nextInt(3) == 0) {
                    b.contactPoint(ContactPoint.of(EmailAddress.parse("Ada" + n + "@"
                            + domain.toUpperCase(Locale.ROOT)), ContactUsage.OTHER));
                }
            }
            for (String tag : RandomConditions.TAGS) {
                if (r.nextInt(3) == 0) {
                    b.tag(tag);
                }
            }
            b.stage(pick(r, List.of(LifecycleStage.values())), r.nextBoolean() ? Fixtures.CREATED.plusSeconds(3600)
                    : Fixtures.NOW.minusSeconds(r.nextLong(0, 400L * 86_400)));
            Customer c = b.build();
            customers.add(c);
            Map<String, Double> s = new HashMap<>();
            if (r.nextBoolean()) {
                s.put("rfm.recency", (double) r.nextInt(1, 6));
            }
            if (r.nextBoolean()) {
                s.put("engagement", r.nextInt(0, 1000) / 10.0);
            }
            scores.put(c.id(), s);
            int k = r.nextInt(8);
            for (int i = 0; i < k; i++) {
                interactions.add(interaction(r, c.id(), "i" + n + "_" + i));
            }
        }
    }

    private static Interaction interaction(SplittableRandom r, CustomerId id, String iid) {
        Instant at = Fixtures.NOW.minusSeconds(r.nextLong(0, 70L * 86_400));
        Interaction.Builder b = Interaction.builder(Fixtures.TENANT, InteractionId.of(iid), Subject.customer(id),
                pick(r, RandomConditions.CHANNELS), pick(r, RandomConditions.TYPES), at);
        if (r.nextInt(3) == 0) {
            b.direction(Direction.OUTBOUND);
        }
        if (r.nextInt(3) == 0) {
            b.campaign(CampaignId.of(pick(r, RandomConditions.CAMPAIGNS)));
        }
        if (r.nextBoolean()) {
            b.property("page", r.nextInt(5) == 0 ? TypedValue.choice("home") : TypedValue.of(pick(r,
                    RandomConditions.PAGES)));
        }
        if (r.nextBoolean()) {
            b.property("rating", TypedValue.of(new BigDecimal(pick(r, List.of("1", "2.0", "3")))));
        }
        int money = r.nextInt(4);
        if (money > 0) {
            Currency currency = money == 3 ? Currency.getInstance("USD") : Fixtures.EUR;
            b.amount(Money.of(BigDecimal.valueOf(r.nextInt(0, 20_000), 2), currency));
        }
        return b.build();
    }

    List<Interaction> interactionsOf(CustomerId id) {
        return interactions.stream().filter(i -> i.subject().equals(Subject.customer(id))).toList();
    }

    List<CustomerSnapshot> snapshots() {
        List<CustomerSnapshot> result = new ArrayList<>();
        for (Customer c : customers) {
            result.add(new CustomerSnapshot(c, InteractionHistory.of(interactionsOf(c.id())), scores.get(c.id())));
        }
        return result;
    }

    private static <T> T pick(SplittableRandom r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }
}
