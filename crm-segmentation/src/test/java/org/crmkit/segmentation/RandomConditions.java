package org.crmkit.segmentation;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Direction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.segment.Aggregate;
import org.crmkit.spi.segment.AggregateCompare;
import org.crmkit.spi.segment.AddressCountryIn;
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
 * Seeded random conditions. Typed ones fit {@link Fixtures#catalog()} (plus segment {@code base_vip}); wild ones
 * also use awkward names and values (reserved words, escapes, channel-named types) to stress the printer and parser.
 */
final class RandomConditions {
    static final List<InteractionType> TYPES = List.of(InteractionType.ORDER_PLACED, InteractionType.PAGE_VIEW,
            InteractionType.CALL);
    static final List<Channel> CHANNELS = List.of(Channel.WEB, Channel.EMAIL, Channel.PHONE);
    static final List<String> CAMPAIGNS = List.of("spring", "fall-2025");
    static final List<String> PAGES = List.of("/pricing", "/home");
    static final List<String> DOMAINS = List.of("example.com", "mail.de", "sub.example.com");
    static final List<String> TAGS = List.of("vip", "new", "churn-risk", "v2");
    static final List<String> CITIES = List.of("Berlin", "Hamburg", "München", "Bad \"Quote\"\\n");
    private static final Operator[] OPS = Operator.values();

    private final SplittableRandom random;
    private final boolean wild;

    RandomConditions(long seed, boolean wild) {
        this.random = new SplittableRandom(seed);
        this.wild = wild;
    }

    Condition condition(int depth) {
        int pick = random.nextInt(depth <= 0 ? 12 : 16);
        if (pick == 10) {
            return aggregate();
        } else if (pick == 11) {
            return relativeDate();
        } else if (pick > 11) {
            return switch (pick) {
                case 12 -> new Condition.Not(condition(depth - 1));
                case 13, 14 -> new Condition.And(operands(depth));
                default -> new Condition.Or(operands(depth));
            };
        }
        return switch (pick) {
            case 0, 1 -> compare();
            case 2 -> attributeTest();
            case 3 -> Condition.StageIn.of(stages());
            case 4 -> new Condition.HasTag(one(TAGS));
            case 5 -> new Condition.CountCompare(filter(), optionalWindow(), op(), random.nextInt(4));
            case 6 -> new Condition.SumCompare(filter(), optionalWindow(), op(), money());
            case 7 -> new Condition.OccurredWithin(filter(), window());
            case 8 -> new Condition.ScoreCompare(wild && random.nextBoolean() ? "x.y_2.z" : one(List.of("rfm.recency",
                    "engagement")), op(), BigDecimal.valueOf(random.nextInt(-20, 120), random.nextInt(0, 2)));
            default -> random.nextBoolean() ? new Condition.SegmentRef("base_vip")
                    : new Condition.FunctionCall("has_tag_prefix", List.of(TypedValue.of(one(List.of("v", "c", ""))))) ;
        };
    }

    private Condition aggregate() {
        Aggregate.Function function = one(List.of(Aggregate.Function.AVG, Aggregate.Function.MIN,
                Aggregate.Function.MAX));
        return switch (random.nextInt(3)) {
            case 0 -> new AmountCompare(function, filter(), optionalWindow(), op(), money());
            case 1 -> new DistinctCountCompare(wild && random.nextBoolean() ? "distinct" : one(List.of("page",
                    "rating")), filter(), optionalWindow(), op(), random.nextInt(3));
            default -> {
                boolean counts = random.nextBoolean();
                Currency currency = wild && random.nextBoolean() ? Currency.getInstance("USD")
                        : Fixtures.EUR;
                yield new AggregateCompare(figure(counts, currency), op(), figure(counts, currency));
            }
        };
    }

    private Condition relativeDate() {
        return switch (random.nextInt(7)) {
            case 4 -> random.nextBoolean() ? AddressCountryIn.of(one(List.of("DE", "AT"))) : AddressCountryIn.of("GB",
                    "AT");
            case 5 -> new PostalCodeStartsWith(one(List.of("10", "1", "SW1A", "2", "x")));
            case 6 -> new WithinDistance(name("lat"), "lon", BigDecimal.valueOf(random.nextInt(47_000, 55_000), 3),
                    BigDecimal.valueOf(random.nextInt(6_000, 15_000), 3), BigDecimal.valueOf(random.nextInt(1, 600)));
            case 0 -> new AnniversaryWithin(name("birthday"), 1 + random.nextInt(60));
            case 1 -> new TimeSince(TimeSince.From.ATTRIBUTE, Optional.of(name("birthday")), one(List.of(
                    ChronoUnit.DAYS, ChronoUnit.MONTHS, ChronoUnit.YEARS)), op(), random.nextInt(-5, 80));
            case 2 -> new TimeSince(TimeSince.From.STAGE_ENTERED, Optional.empty(), one(List.of(ChronoUnit.DAYS,
                    ChronoUnit.MONTHS)), op(), random.nextInt(0, 14));
            default -> new TimeSince(TimeSince.From.CREATED, Optional.empty(), ChronoUnit.YEARS, op(),
                    random.nextInt(4, 8));
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

    private List<Condition> operands(int depth) {
        List<Condition> list = new ArrayList<>();
        int n = 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            list.add(condition(depth - 1));
        }
        return list;
    }

    private LifecycleStage[] stages() {
        Set<LifecycleStage> set = EnumSet.noneOf(LifecycleStage.class);
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            set.add(one(List.of(LifecycleStage.values())));
        }
        return set.toArray(LifecycleStage[]::new);
    }

    private Condition compare() {
        return switch (random.nextInt(6)) {
            case 0 -> new Condition.Compare(name("city"), random.nextBoolean() ? Operator.EQ : Operator.NE,
                    TypedValue.of(one(CITIES)));
            case 1 -> new Condition.Compare(name("age"), op(), TypedValue.of(random.nextInt(-5, 100)));
            case 2 -> new Condition.Compare(name("vip"), random.nextBoolean() ? Operator.EQ : Operator.NE,
                    TypedValue.of(random.nextBoolean()));
            case 3 -> new Condition.Compare(name("birthday"), op(), TypedValue.of(date()));
            case 4 -> new Condition.Compare(name("tier"), random.nextBoolean() ? Operator.EQ : Operator.NE, tier());
            default -> new Condition.Compare(name("balance"), op(), TypedValue.of(money()));
        };
    }

    private Condition attributeTest() {
        return switch (random.nextInt(9)) {
            case 6 -> {
                TextMatch.Test test = one(List.of(TextMatch.Test.values()));
                yield new TextMatch(name("city"), test, one(List.of("ber", "BER", "N", "", "HAM", "ünch", "\"")),
                        test != TextMatch.Test.ENDS_WITH || random.nextBoolean());
            }
            case 7 -> new Matches(name("city"), one(List.of("^B", "er$", "(?i)^ham", "[ü]", "a|e", "^$", "(a+)+$")));
            case 8 -> random.nextBoolean() ? EmailDomainIn.of(one(DOMAINS)) : EmailDomainIn.of(one(DOMAINS),
                    one(DOMAINS));
            case 0 -> new Condition.In(name("tier"), List.of(tier(), tier()));
            case 1 -> new Condition.In(name("age"), List.of(TypedValue.of(random.nextInt(100)),
                    TypedValue.of(random.nextInt(100))));
            case 2 -> new Condition.Between(name("birthday"), TypedValue.of(date()), TypedValue.of(date()));
            case 3 -> new Condition.Exists(one(List.of("city", "age", "vip", "birthday", "tier", "balance")));
            case 4 -> new Condition.Contains(name("city"), one(List.of("er", "a", "\"", "")));
            default -> new Condition.StartsWith(name("city"), one(List.of("B", "Ham", "\\")));
        };
    }

    private String name(String typed) {
        return wild && random.nextInt(4) == 0 ? one(List.of("stage", "count", "and", "web", "x_1")) : typed;
    }

    private TypedValue tier() {
        if (wild && random.nextInt(3) == 0) {
            return TypedValue.choice(one(List.of("a-b", "and", "TRUE", "x:y", "9lives", "EUR")));
        }
        String t = one(List.of("gold", "silver", "bronze"));
        return random.nextBoolean() ? TypedValue.choice(t) : TypedValue.of(t);
    }

    private LocalDate date() {
        if (wild && random.nextInt(5) == 0) {
            return LocalDate.of(one(List.of(10_000, 999, -4)), 2, 28);
        }
        return LocalDate.of(1950 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private Money money() {
        if (wild && random.nextInt(4) == 0) {
            return Money.of(BigDecimal.valueOf(random.nextInt(-1000, 1000)), Currency.getInstance("JPY"));
        }
        return Money.of(BigDecimal.valueOf(random.nextInt(0, 30_000), 2), Fixtures.EUR);
    }

    private InteractionFilter filter() {
        Set<InteractionType> types = new TreeSet<>();
        for (int n = random.nextInt(4) - 1; n > 0; n--) {
            types.add(wild && random.nextInt(3) == 0 ? InteractionType.of(one(List.of("web", "any", "on", "within",
                    "email", "where", "campaign"))) : one(TYPES));
        }
        InteractionFilter filter = InteractionFilter.ANY.withTypes(types);
        if (random.nextBoolean()) {
            filter = filter.withChannel(wild ? one(List.of(Channel.values())) : one(CHANNELS));
        }
        if (random.nextInt(4) == 0) {
            filter = filter.withDirection(one(List.of(Direction.values())));
        }
        if (random.nextInt(4) == 0) {
            filter = filter.withCampaign(CampaignId.of(one(CAMPAIGNS)));
        }
        for (int n = random.nextInt(5) - 2; n > 0; n--) {
            filter = random.nextBoolean() ? filter.withProperty(wild ? one(List.of("and", "property", "where", "x_1"))
                    : "page", TypedValue.of(one(PAGES))) : filter.withProperty("rating",
                    random.nextBoolean() ? TypedValue.of(random.nextInt(1, 4)) : TypedValue.choice("gold"));
        }
        return filter;
    }

    private Optional<Window> optionalWindow() {
        return random.nextBoolean() ? Optional.empty() : Optional.of(window());
    }

    private Window window() {
        return switch (random.nextInt(5)) {
            case 4 -> Window.calendar(one(List.of(Window.Calendar.Unit.values())), random.nextBoolean());
            case 0 -> Window.hours(1 + random.nextInt(72));
            case 1 -> Window.since(wild && random.nextInt(4) == 0 ? date() : Fixtures.NOW.atZone(Fixtures.ZONE)
                    .toLocalDate().minusDays(random.nextInt(70)));
            default -> Window.days(1 + random.nextInt(60));
        };
    }

    private Operator op() {
        return OPS[random.nextInt(OPS.length)];
    }

    private <T> T one(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
