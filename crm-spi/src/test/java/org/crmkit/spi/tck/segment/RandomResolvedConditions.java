package org.crmkit.spi.tck.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.customer.LifecycleStage;
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
import org.crmkit.spi.segment.TextMatch;
import org.crmkit.spi.segment.TimeSince;
import org.crmkit.spi.segment.WithinDistance;
import org.crmkit.spi.segment.Window;

/**
 * Seeded random resolved conditions (every node a store receives: no {@link Condition.SegmentRef}, no host
 * function), well typed for {@link SegmentQueryFixture#SCHEMA}, with literals drawn from the values
 * {@link RandomSegmentData} puts in the data so that they match some customers and not others. Not thread-safe.
 */
public final class RandomResolvedConditions {
    private static final Operator[] OPS = Operator.values();
    private static final Currency USD = Currency.getInstance("USD");

    private final SplittableRandom random;
    private final LocalDate today;

    public RandomResolvedConditions(long seed, RandomSegmentData data) {
        this.random = new SplittableRandom(seed);
        this.today = data.now().atZone(data.zone()).toLocalDate();
    }

    /** A condition of at most {@code depth} levels of {@code and}, {@code or} and {@code not}. */
    public Condition condition(int depth) {
        int pick = random.nextInt(depth <= 0 ? 10 : 13);
        return switch (pick) {
            case 0, 1 -> compare();
            case 2 -> attributeTest();
            case 3 -> text();
            case 4 -> profile();
            case 5 -> interactions();
            case 6 -> aggregate();
            case 7 -> relativeDate();
            case 8 -> geography();
            case 9 -> random.nextBoolean() ? new Condition.OccurredWithin(filter(), window())
                    : new Condition.ScoreCompare(one(List.of("engagement", "rfm.recency")), op(),
                    one(List.of(BigDecimal.valueOf(random.nextInt(-20, 120)), new BigDecimal("50"), BigDecimal.ZERO,
                            new BigDecimal("3"))));
            case 10 -> new Condition.Not(condition(depth - 1));
            case 11 -> new Condition.And(operands(depth));
            default -> new Condition.Or(operands(depth));
        };
    }

    private List<Condition> operands(int depth) {
        List<Condition> list = new ArrayList<>();
        for (int n = 2 + random.nextInt(2); n > 0; n--) {
            list.add(condition(depth - 1));
        }
        return list;
    }

    private Condition compare() {
        return switch (random.nextInt(6)) {
            case 0 -> new Condition.Compare("city", eqOrNe(), TypedValue.of(one(RandomSegmentData.CITIES)));
            case 1 -> new Condition.Compare("age", op(), TypedValue.of(one(List.of(new BigDecimal(random.nextInt(-3,
                    101)), new BigDecimal("34.5"), new BigDecimal("100"), new BigDecimal("45")))));
            case 2 -> new Condition.Compare("vip", eqOrNe(), TypedValue.of(random.nextBoolean()));
            case 3 -> new Condition.Compare("birthday", op(), TypedValue.of(date()));
            case 4 -> new Condition.Compare("tier", eqOrNe(), tier());
            default -> new Condition.Compare("balance", op(), TypedValue.of(Money.of(BigDecimal.valueOf(
                    random.nextInt(-1000, 30_000), 2), SegmentQueryFixture.EUR)));
        };
    }

    private Condition attributeTest() {
        return switch (random.nextInt(6)) {
            case 0 -> new Condition.In("tier", List.of(tier(), tier()));
            case 1 -> new Condition.In("age", List.of(TypedValue.of(random.nextInt(100)),
                    TypedValue.of(new BigDecimal("34.50"))));
            case 2 -> new Condition.In("city", List.of(TypedValue.of(one(RandomSegmentData.CITIES)),
                    TypedValue.of(one(RandomSegmentData.CITIES))));
            case 3 -> new Condition.Between("birthday", TypedValue.of(date()), TypedValue.of(date()));
            case 4 -> new Condition.Between(one(List.of("age", "lat")), TypedValue.of(random.nextInt(-5, 60)),
                    TypedValue.of(random.nextInt(20, 120)));
            default -> new Condition.Exists(one(List.of("city", "age", "vip", "birthday", "tier", "balance", "lat")));
        };
    }

    private Condition text() {
        String fragment = one(List.of("Ber", "ber", "BER", "n", "", "%", "_", "'", "\\", "ünch", "ÜNCH", "burg",
                "Hamburg"));
        return switch (random.nextInt(6)) {
            case 0 -> new Condition.Contains("city", fragment);
            case 1 -> new Condition.StartsWith("city", fragment);
            case 2 -> new Matches("city", one(List.of("^B", "er$", "(?i)^ham", "[ü]", "a|e", "^$", "%")));
            case 3 -> random.nextBoolean() ? EmailDomainIn.of(one(RandomSegmentData.DOMAINS))
                    : EmailDomainIn.of(one(RandomSegmentData.DOMAINS), one(RandomSegmentData.DOMAINS));
            default -> {
                TextMatch.Test test = one(List.of(TextMatch.Test.values()));
                yield new TextMatch("city", test, fragment, test != TextMatch.Test.ENDS_WITH || random.nextBoolean());
            }
        };
    }

    private Condition profile() {
        if (random.nextBoolean()) {
            return new Condition.HasTag(one(RandomSegmentData.TAGS));
        }
        Set<LifecycleStage> stages = EnumSet.noneOf(LifecycleStage.class);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            stages.add(one(List.of(LifecycleStage.values())));
        }
        return Condition.StageIn.of(stages.toArray(LifecycleStage[]::new));
    }

    private Condition interactions() {
        return random.nextBoolean()
                ? new Condition.CountCompare(filter(), optionalWindow(), op(), random.nextInt(4))
                : new Condition.SumCompare(filter(), optionalWindow(), op(), money());
    }

    private Condition aggregate() {
        return switch (random.nextInt(3)) {
            case 0 -> new AmountCompare(one(List.of(Aggregate.Function.AVG, Aggregate.Function.MIN,
                    Aggregate.Function.MAX)), filter(), optionalWindow(), op(), money());
            case 1 -> new DistinctCountCompare(one(List.of("page", "rating")), filter(), optionalWindow(), op(),
                    random.nextInt(3));
            default -> {
                boolean counts = random.nextBoolean();
                Currency currency = random.nextInt(4) == 0 ? USD : SegmentQueryFixture.EUR;
                yield new AggregateCompare(figure(counts, currency), op(), figure(counts, currency));
            }
        };
    }

    private Aggregate figure(boolean count, Currency currency) {
        if (!count) {
            return new Aggregate.Amount(one(List.of(Aggregate.Function.values())), currency, filter(),
                    optionalWindow());
        }
        return random.nextBoolean() ? new Aggregate.Count(filter(), optionalWindow())
                : new Aggregate.CountDistinct(one(List.of("page", "rating")), filter(), optionalWindow());
    }

    private Condition relativeDate() {
        return switch (random.nextInt(5)) {
            case 0 -> new AnniversaryWithin("birthday", 1 + random.nextInt(60));
            case 1 -> new TimeSince(TimeSince.From.ATTRIBUTE, Optional.of("birthday"), one(List.of(ChronoUnit.DAYS,
                    ChronoUnit.MONTHS, ChronoUnit.YEARS)), op(), random.nextInt(-5, 80));
            case 2 -> new TimeSince(TimeSince.From.STAGE_ENTERED, Optional.empty(), one(List.of(ChronoUnit.DAYS,
                    ChronoUnit.MONTHS)), op(), random.nextInt(0, 100));
            case 3 -> new TimeSince(TimeSince.From.CREATED, Optional.empty(), ChronoUnit.DAYS, op(),
                    random.nextInt(0, 3000));
            default -> new TimeSince(TimeSince.From.CREATED, Optional.empty(), one(List.of(ChronoUnit.MONTHS,
                    ChronoUnit.YEARS)), op(), random.nextInt(0, 9));
        };
    }

    private Condition geography() {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextBoolean() ? AddressCountryIn.of(one(List.of("DE", "AT", "GB")))
                    : AddressCountryIn.of("GB", "AT");
            case 1 -> new PostalCodeStartsWith(one(List.of("10", "1", "SW1A", "sw1a", "2", "x")));
            default -> new WithinDistance("lat", "lon", BigDecimal.valueOf(random.nextInt(47_000, 55_000), 3),
                    BigDecimal.valueOf(random.nextInt(6_000, 15_000), 3), BigDecimal.valueOf(random.nextInt(1, 600)));
        };
    }

    private InteractionFilter filter() {
        Set<InteractionType> types = new TreeSet<>();
        for (int n = random.nextInt(4) - 1; n > 0; n--) {
            types.add(one(RandomSegmentData.TYPES));
        }
        InteractionFilter filter = InteractionFilter.ANY.withTypes(types);
        if (random.nextBoolean()) {
            filter = filter.withChannel(one(RandomSegmentData.CHANNELS));
        }
        if (random.nextInt(4) == 0) {
            filter = filter.withDirection(one(List.of(Direction.values())));
        }
        if (random.nextInt(4) == 0) {
            filter = filter.withCampaign(CampaignId.of(one(RandomSegmentData.CAMPAIGNS)));
        }
        if (random.nextInt(3) == 0) {
            filter = filter.withProperty("page", TypedValue.of(one(RandomSegmentData.PAGES)));
        }
        if (random.nextInt(4) == 0) {
            filter = filter.withProperty("rating", one(List.of(TypedValue.of(2), TypedValue.choice("gold"),
                    TypedValue.of(true))));
        }
        return filter;
    }

    private Optional<Window> optionalWindow() {
        return random.nextBoolean() ? Optional.empty() : Optional.of(window());
    }

    private Window window() {
        return switch (random.nextInt(5)) {
            case 0 -> Window.hours(1 + random.nextInt(80));
            case 1 -> Window.since(today.minusDays(random.nextInt(0, 120)));
            case 2 -> Window.calendar(one(List.of(Window.Calendar.Unit.values())), random.nextBoolean());
            default -> Window.days(1 + random.nextInt(400));
        };
    }

    private LocalDate date() {
        return random.nextBoolean() ? today.minusYears(random.nextInt(15, 80)).plusDays(random.nextInt(-3, 4))
                : LocalDate.of(1940 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private TypedValue tier() {
        String t = one(List.of("gold", "silver", "bronze"));
        return random.nextBoolean() ? TypedValue.choice(t) : TypedValue.of(t);
    }

    private Money money() {
        return Money.of(BigDecimal.valueOf(random.nextInt(-1000, 30_000), 2), random.nextInt(5) == 0 ? USD
                : SegmentQueryFixture.EUR);
    }

    private Operator eqOrNe() {
        return random.nextBoolean() ? Operator.EQ : Operator.NE;
    }

    private Operator op() {
        return OPS[random.nextInt(OPS.length)];
    }

    private <T> T one(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
