package org.crmkit.spi.tck.segment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Direction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.segment.AddressCountryIn;
import org.crmkit.spi.segment.Aggregate;
import org.crmkit.spi.segment.AggregateCompare;
import org.crmkit.spi.segment.AmountCompare;
import org.crmkit.spi.segment.AnniversaryWithin;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.DistinctCountCompare;
import org.crmkit.spi.segment.EmailDomainIn;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.Matches;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.PostalCodeStartsWith;
import org.crmkit.spi.segment.ScoreReading;
import org.crmkit.spi.segment.TextMatch;
import org.crmkit.spi.segment.TimeSince;
import org.crmkit.spi.segment.WithinDistance;
import org.crmkit.spi.segment.Window;

/**
 * The segments the TCK asks a store about, each with its members in {@link SegmentQueryFixture}, computed by hand
 * (and checked against crm-segmentation's in-memory evaluator by its own run of the contract). The cases cover
 * every node a store receives (no {@link Condition.SegmentRef}: segments arrive resolved), the "missing attribute
 * is false" rule, currencies in sums, inclusive window starts and time zones, and every part of an interaction
 * filter (several types, direction, campaign, property equality), text tests, every aggregate, windows since a
 * date, dates relative to today (in two zones), geography, and scores as stored, decayed and absent.
 */
public final class SegmentQueryCatalogue {
    private static final InteractionFilter ORDERS = InteractionFilter.of(InteractionType.ORDER_PLACED);
    private static final Currency EUR = Currency.getInstance("EUR");
    /** Engagement halves every week. */
    private static final ScoreReading WEEKLY = new ScoreReading(Map.of("engagement", Duration.ofDays(7)), Map.of());
    /** Engagement halves every week and is 0 for a customer without it. */
    private static final ScoreReading WEEKLY_ZERO = new ScoreReading(Map.of("engagement", Duration.ofDays(7)),
            Map.of("engagement", 0.0));

    private SegmentQueryCatalogue() {
    }

    /**
     * One question and its answer.
     *
     * @param name      what the case checks, also the segment's name
     * @param condition the resolved condition
     * @param zone      the time zone of day windows
     * @param scores    how scores are read
     * @param expected  the ids of the members
     */
    public record Case(String name, Condition condition, ZoneId zone, ScoreReading scores, Set<String> expected) {
    }

    public static List<Case> cases() {
        return List.of(
                of("city_eq", compare("city", Operator.EQ, TypedValue.of("Berlin")), "anna", "eve"),
                of("city_ne_skips_missing", compare("city", Operator.NE, TypedValue.of("Berlin")), "ben", "dev"),
                of("not_city_eq_keeps_missing", new Condition.Not(compare("city", Operator.EQ,
                        TypedValue.of("Berlin"))), "ben", "cleo", "dev"),
                of("age_lt", compare("age", Operator.LT, TypedValue.of(30)), "ben"),
                of("age_le", compare("age", Operator.LE, TypedValue.of(34)), "anna", "ben"),
                of("age_gt", compare("age", Operator.GT, TypedValue.of(45)), "dev"),
                of("age_ge", compare("age", Operator.GE, TypedValue.of(45)), "dev", "eve"),
                of("vip_true", compare("vip", Operator.EQ, TypedValue.of(true)), "anna"),
                of("balance_gt", compare("balance", Operator.GT, TypedValue.of(Money.of("100", "EUR"))), "anna"),
                of("birthday_before", compare("birthday", Operator.LT,
                        TypedValue.of(LocalDate.of(1970, 1, 1))), "dev"),
                of("tier_in", new Condition.In("tier", List.of(TypedValue.choice("gold"), TypedValue.choice("silver"))),
                        "anna", "ben"),
                of("age_between_inclusive", new Condition.Between("age", TypedValue.of(34), TypedValue.of(45)),
                        "anna", "eve"),
                of("birthday_exists", new Condition.Exists("birthday"), "anna", "dev"),
                of("city_contains", new Condition.Contains("city", "Hom"), "dev"),
                of("city_starts_with", new Condition.StartsWith("city", "B"), "anna", "dev", "eve"),
                of("city_ends_with", new TextMatch("city", TextMatch.Test.ENDS_WITH, "burg", false), "ben", "dev"),
                of("city_eq_ignoring_case", new TextMatch("city", TextMatch.Test.EQUALS, "BERLIN", true), "anna",
                        "eve"),
                of("city_contains_ignoring_case", new TextMatch("city", TextMatch.Test.CONTAINS, "HOM", true), "dev"),
                of("city_matches", new Matches("city", "^B.*n$"), "anna", "eve"),
                of("email_domain", EmailDomainIn.of("example.com"), "anna"),
                of("stage_customer", Condition.StageIn.of(LifecycleStage.CUSTOMER), "anna", "dev"),
                of("stage_in", Condition.StageIn.of(LifecycleStage.LEAD, LifecycleStage.PROSPECT), "ben", "cleo"),
                of("tag_vip", new Condition.HasTag("vip"), "anna", "dev"),
                of("orders_ever", count(InteractionFilter.of(InteractionType.ORDER_PLACED), Optional.empty(),
                        Operator.GE, 2), "anna", "dev"),
                of("orders_30d", count(InteractionFilter.of(InteractionType.ORDER_PLACED),
                        Optional.of(Window.days(30)), Operator.GE, 1), "anna", "dev", "eve"),
                of("no_web_7d", count(InteractionFilter.on(Channel.WEB), Optional.of(Window.days(7)), Operator.EQ, 0),
                        "ben", "cleo", "eve"),
                of("anything_3h", count(InteractionFilter.ANY, Optional.of(Window.hours(3)), Operator.GE, 1), "anna"),
                of("sum_eur_365d", new Condition.SumCompare(InteractionFilter.of(InteractionType.ORDER_PLACED),
                        Optional.of(Window.days(365)), Operator.GT, Money.of("100", "EUR")), "anna", "dev"),
                of("sum_web_ever", new Condition.SumCompare(InteractionFilter.of(InteractionType.ORDER_PLACED,
                        Channel.WEB), Optional.empty(), Operator.GE, Money.of("500", "EUR")), "dev"),
                of("sum_usd_zero", new Condition.SumCompare(InteractionFilter.ANY, Optional.empty(), Operator.EQ,
                        Money.of("0", "USD")), "anna", "ben", "cleo", "eve"),
                of("last_web_1d", new Condition.OccurredWithin(InteractionFilter.on(Channel.WEB), Window.days(1)),
                        "anna"),
                of("last_phone_60d", new Condition.OccurredWithin(InteractionFilter.on(Channel.PHONE),
                        Window.days(60)), "anna"),
                new Case("window_start_inclusive_berlin", new Condition.OccurredWithin(
                        InteractionFilter.of(InteractionType.MESSAGE_OPENED), Window.days(1)),
                        SegmentQueryFixture.BERLIN, ScoreReading.AS_STORED, Set.of("ben")),
                new Case("window_in_kiritimati", new Condition.OccurredWithin(
                        InteractionFilter.of(InteractionType.MESSAGE_OPENED), Window.days(1)),
                        SegmentQueryFixture.KIRITIMATI, ScoreReading.AS_STORED, Set.of()),
                of("pricing_page_1d", new Condition.OccurredWithin(InteractionFilter.of(InteractionType.PAGE_VIEW)
                        .withProperty("page", TypedValue.of("/pricing")), Window.days(1)), "anna"),
                of("page_views_or_calls", count(InteractionFilter.of(InteractionType.PAGE_VIEW, InteractionType.CALL),
                        Optional.empty(), Operator.GE, 2), "ben"),
                of("spring_opened_not_clicked", new Condition.And(List.of(
                        count(InteractionFilter.of(InteractionType.MESSAGE_OPENED)
                                .withCampaign(SegmentQueryFixture.SPRING), Optional.empty(), Operator.GE, 1),
                        count(InteractionFilter.of(InteractionType.CAMPAIGN_CLICK)
                                .withCampaign(SegmentQueryFixture.SPRING), Optional.empty(), Operator.EQ, 0))), "ben"),
                of("outbound_ever", count(InteractionFilter.ANY.withDirection(Direction.OUTBOUND), Optional.empty(),
                        Operator.GE, 1), "dev"),
                of("avg_order_gt_50_eur", new AmountCompare(Aggregate.Function.AVG, ORDERS, Optional.empty(),
                        Operator.GT, Money.of("50", "EUR")), "anna", "dev"),
                of("min_order_le_20_eur", new AmountCompare(Aggregate.Function.MIN, ORDERS, Optional.empty(),
                        Operator.LE, Money.of("20", "EUR")), "eve"),
                of("max_order_30d_ge_80_eur", new AmountCompare(Aggregate.Function.MAX, ORDERS,
                        Optional.of(Window.days(30)), Operator.GE, Money.of("80", "EUR")), "anna"),
                of("distinct_pages", new DistinctCountCompare("page", InteractionFilter.of(InteractionType.PAGE_VIEW),
                        Optional.empty(), Operator.GE, 1), "anna", "ben"),
                of("more_web_than_phone", new AggregateCompare(new Aggregate.Count(InteractionFilter.on(Channel.WEB),
                        Optional.empty()), Operator.GT, new Aggregate.Count(InteractionFilter.on(Channel.PHONE),
                        Optional.empty())), "anna", "dev"),
                of("avg_30d_above_avg_ever", new AggregateCompare(new Aggregate.Amount(Aggregate.Function.AVG, EUR,
                        ORDERS, Optional.of(Window.days(30))), Operator.GT, new Aggregate.Amount(Aggregate.Function.AVG,
                        EUR, ORDERS, Optional.empty())), "anna"),
                of("orders_since_date", count(ORDERS, Optional.of(Window.since(LocalDate.of(2026, 3, 8))), Operator.GE,
                        1), "dev"),
                of("orders_since_earlier_date", count(ORDERS, Optional.of(Window.since(LocalDate.of(2026, 3, 7))),
                        Operator.GE, 1), "anna", "dev"),
                of("orders_this_month", count(ORDERS, Optional.of(Window.calendar(Window.Calendar.Unit.MONTH, false)),
                        Operator.GE, 1), "anna", "dev"),
                of("orders_last_month", count(ORDERS, Optional.of(Window.calendar(Window.Calendar.Unit.MONTH, true)),
                        Operator.GE, 1), "anna", "eve"),
                of("birthday_within_48d", new AnniversaryWithin("birthday", 48), "anna"),
                of("birthday_within_47d", new AnniversaryWithin("birthday", 47)),
                of("sixty_or_older", new TimeSince(TimeSince.From.ATTRIBUTE, Optional.of("birthday"), ChronoUnit.YEARS,
                        Operator.GE, 60), "dev"),
                of("created_2265_days_ago", new TimeSince(TimeSince.From.CREATED, Optional.empty(), ChronoUnit.DAYS,
                        Operator.EQ, 2265), "anna", "ben", "cleo", "dev", "eve"),
                new Case("created_2265_days_ago_in_kiritimati", new TimeSince(TimeSince.From.CREATED, Optional.empty(),
                        ChronoUnit.DAYS, Operator.EQ, 2265), SegmentQueryFixture.KIRITIMATI, ScoreReading.AS_STORED, Set.of()),
                of("in_stage_over_6_years", new TimeSince(TimeSince.From.STAGE_ENTERED, Optional.empty(),
                        ChronoUnit.YEARS, Operator.GE, 6), "anna", "ben", "cleo", "dev", "eve"),
                of("country_de_main_address", AddressCountryIn.of("DE"), "anna", "ben"),
                of("country_at_primary_wins", AddressCountryIn.of("AT"), "dev"),
                of("postal_code_10", new PostalCodeStartsWith("10"), "anna", "dev"),
                of("within_300_km_of_berlin", new WithinDistance("lat", "lon", new BigDecimal("52.52"),
                        new BigDecimal("13.405"), new BigDecimal("300")), "anna", "ben"),
                of("within_250_km_of_berlin", new WithinDistance("lat", "lon", new BigDecimal("52.52"),
                        new BigDecimal("13.405"), new BigDecimal("250")), "anna"),
                scores("engagement_as_stored", score("engagement", Operator.GT, "50"), ScoreReading.AS_STORED,
                        "anna", "ben"),
                scores("engagement_decayed_weekly", score("engagement", Operator.GT, "50"), WEEKLY, "anna"),
                scores("engagement_absent_is_zero", score("engagement", Operator.LT, "1"), WEEKLY_ZERO, "cleo",
                        "dev", "eve"),
                scores("engagement_absent_is_missing", score("engagement", Operator.LT, "1"), WEEKLY),
                scores("engagement_not_above_50_decayed", new Condition.Not(score("engagement", Operator.GT, "50")),
                        WEEKLY, "ben", "cleo", "dev", "eve"),
                of("recency_ge_5", score("rfm.recency", Operator.GE, "5"), "anna"),
                of("recency_ne_5_skips_missing", score("rfm.recency", Operator.NE, "5"), "dev"),
                of("and_or", new Condition.Or(List.of(new Condition.And(List.of(
                        Condition.StageIn.of(LifecycleStage.CUSTOMER), new Condition.HasTag("vip"))),
                        compare("age", Operator.LT, TypedValue.of(new BigDecimal("20"))))), "anna", "ben", "dev"));
    }

    private static Case of(String name, Condition condition, String... expected) {
        return new Case(name, condition, SegmentQueryFixture.BERLIN, ScoreReading.AS_STORED, Set.of(expected));
    }

    private static Case scores(String name, Condition condition, ScoreReading reading, String... expected) {
        return new Case(name, condition, SegmentQueryFixture.BERLIN, reading, Set.of(expected));
    }

    private static Condition score(String name, Operator op, String value) {
        return new Condition.ScoreCompare(name, op, new BigDecimal(value));
    }

    private static Condition compare(String attribute, Operator op, TypedValue value) {
        return new Condition.Compare(attribute, op, value);
    }

    private static Condition count(InteractionFilter filter, Optional<Window> window, Operator op, long n) {
        return new Condition.CountCompare(filter, window, op, n);
    }
}
