package org.crmkit.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import org.crmkit.customer.Revenue;
import org.crmkit.segmentation.SegmentLanguage;
import org.crmkit.segmentation.SegmentSyntaxException;
import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.DeviceToken;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.customer.Organization;
import org.crmkit.spi.customer.Party;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.customer.SocialHandle;
import org.crmkit.spi.customer.StageTransition;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Direction;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;
import org.crmkit.spi.score.Score;
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
import org.crmkit.spi.segment.SegmentChange;
import org.crmkit.spi.segment.SegmentDefinition;
import org.crmkit.spi.segment.Window;

/** Generators of valid model values, within the limits the model's constructors check. */
final class JsonArbitraries {
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-";
    private static final long YEAR_2100 = 4_102_444_800L;

    private JsonArbitraries() {
    }

    // --- text ---

    /** Text without control characters other than tab and line breaks, possibly blank, with some non-ASCII. */
    static Arbitrary<String> text(int maxLength) {
        return chars(maxLength, "\n\t\r");
    }

    /** One line of text without control characters, possibly blank, with some non-ASCII. */
    static Arbitrary<String> line(int maxLength) {
        return chars(maxLength, "");
    }

    static Arbitrary<String> nonBlankLine(int maxLength) {
        return line(maxLength).filter(s -> !s.isBlank());
    }

    private static Arbitrary<String> chars(int maxLength, String controls) {
        Arbitrary<String> base = Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u00ff')
                .withCharRange('\u4e00', '\u4e0f').withChars(controls).ofMaxLength(Math.max(maxLength - 2, 0));
        Arbitrary<String> tail = Arbitraries.of("", "", "", "\uD83D\uDE00", "\"\\");
        return Combinators.combine(base, tail).as(String::concat);
    }

    /** {@code [A-Za-z0-9][A-Za-z0-9._:-]*} of 1 to 20 characters. */
    static Arbitrary<String> tokens() {
        Arbitrary<Character> first = Arbitraries.chars().alpha().numeric();
        Arbitrary<String> rest = Arbitraries.strings().alpha().numeric().withChars("._:-").ofMaxLength(19);
        return Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    /** {@code [a-z][a-z0-9_]*} of 1 to 16 characters. */
    static Arbitrary<String> snake() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('_')
                .ofMaxLength(15);
        return Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    // --- ids and times ---

    static Arbitrary<TenantId> tenants() {
        return tokens().map(TenantId::of);
    }

    static Arbitrary<CustomerId> customerIds() {
        return tokens().map(CustomerId::of);
    }

    static Arbitrary<EventId> eventIds() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((m, l) -> EventId.of(new UUID(m, l)));
    }

    /** Instants from 1970 to 2100, a third of them with fractions of a second. */
    static Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(0, YEAR_2100);
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.just(0),
                Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    static Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(-200_000, 200_000).map(LocalDate::ofEpochDay);
    }

    // --- values ---

    static Arbitrary<Money> money() {
        Arbitrary<Currency> currencies = Arbitraries.of("EUR", "USD", "JPY", "BHD", "CHF", "CLF", "XAU")
                .map(Currency::getInstance);
        Arbitrary<Long> unscaled = Arbitraries.longs().between(-999_999_999_999_999L, 999_999_999_999_999L);
        return Combinators.combine(unscaled, currencies).as((u, c) ->
                Money.of(BigDecimal.valueOf(u, Math.max(c.getDefaultFractionDigits(), 0)), c));
    }

    /** Sums beyond Money's 18 integer digits, up to 39 digits in all. */
    static Arbitrary<Revenue> revenue() {
        Arbitrary<Currency> currencies = Arbitraries.of("EUR", "USD", "JPY", "BHD", "CLF").map(Currency::getInstance);
        BigInteger bound = BigInteger.TEN.pow(39);
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers().between(bound.negate(), bound);
        return Combinators.combine(unscaled, currencies).as((u, c) ->
                new Revenue(new BigDecimal(u, Math.max(c.getDefaultFractionDigits(), 0)), c));
    }

    static Arbitrary<TypedValue> typedValues() {
        Arbitrary<Integer> scales = Arbitraries.integers().between(-30, 30);
        Arbitrary<TypedValue> numbers = Combinators.combine(Arbitraries.longs(), scales)
                .as((u, s) -> TypedValue.of(BigDecimal.valueOf(u, s)));
        return Arbitraries.oneOf(
                text(60).map(TypedValue::of),
                numbers,
                Arbitraries.of(true, false).map(TypedValue::of),
                dates().map(TypedValue::of),
                tokens().map(TypedValue::choice),
                money().map(TypedValue::of));
    }

    static Arbitrary<SortedMap<String, TypedValue>> typedValueMaps(int maxSize) {
        return Arbitraries.maps(snake(), typedValues()).ofMaxSize(maxSize).map(TreeMap::new);
    }

    // --- contact ---

    static Arbitrary<EmailAddress> emails() {
        Arbitrary<String> segment = Arbitraries.strings().withCharRange('a', 'z').numeric().withChars(LOCAL_SPECIALS)
                .ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> local = segment.list().ofMinSize(1).ofMaxSize(3).map(s -> String.join(".", s));
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1)
                .ofMaxLength(10);
        Arbitrary<String> domain = label.list().ofMinSize(1).ofMaxSize(2).map(s -> String.join(".", s));
        Arbitrary<String> tld = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6);
        return Combinators.combine(local, domain, tld).as((l, d, t) -> EmailAddress.parse(l + "@" + d + "." + t));
    }

    static Arbitrary<PhoneNumber> phones() {
        Arbitrary<Character> first = Arbitraries.chars().range('1', '9');
        Arbitrary<String> rest = Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(14);
        return Combinators.combine(first, rest).as((f, r) -> new PhoneNumber("+" + f + r));
    }

    static Arbitrary<PostalAddress> postalAddresses() {
        return Combinators.combine(nonBlankLine(40).list().ofMinSize(1).ofMaxSize(4), line(16), nonBlankLine(40),
                        nonBlankLine(30).optional(), Arbitraries.strings().withCharRange('A', 'Z').ofLength(2))
                .as(PostalAddress::new);
    }

    static Arbitrary<ContactValue> contactValues() {
        return Arbitraries.of(ContactKind.class).flatMap(JsonArbitraries::contactValues);
    }

    static Arbitrary<ContactValue> contactValues(ContactKind kind) {
        return switch (kind) {
            case EMAIL -> emails().map(ContactValue.class::cast);
            case PHONE -> phones().map(ContactValue.class::cast);
            case POSTAL -> postalAddresses().map(ContactValue.class::cast);
            case SOCIAL -> Combinators.combine(snake(), nonBlankLine(40)).as(SocialHandle::new);
            case DEVICE -> Combinators.combine(snake(), nonBlankLine(80)).as(DeviceToken::new);
        };
    }

    /** Up to {@code max} points with distinct values and at most one primary per kind. */
    static Arbitrary<List<ContactPoint>> contactPointLists(int max) {
        Arbitrary<ContactPoint> point = Combinators.combine(contactValues(), Arbitraries.of(ContactUsage.class),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(ContactPoint::new);
        return point.list().ofMaxSize(max).uniqueElements(p -> p.value().key()).map(points -> {
            Set<ContactKind> primaries = EnumSet.noneOf(ContactKind.class);
            List<ContactPoint> result = new ArrayList<>();
            for (ContactPoint p : points) {
                boolean primary = p.primary() && primaries.add(p.kind());
                result.add(new ContactPoint(p.value(), p.usage(), primary, p.verified()));
            }
            return result;
        });
    }

    // --- customers ---

    static Arbitrary<Party> parties() {
        Arbitrary<Party> persons = Combinators.combine(line(30), line(30), customerIds().optional(),
                nonBlankLine(30).optional())
                .as((g, f, o, j) -> new Person(g, f, o, o.isPresent() ? j : Optional.empty()));
        Arbitrary<Party> organizations = Combinators.combine(nonBlankLine(40), nonBlankLine(20).optional())
                .as(Organization::new);
        return Arbitraries.oneOf(persons, organizations);
    }

    /** 1 to 4 transitions, no stage twice in a row, instants not decreasing. */
    static Arbitrary<List<StageTransition>> stageHistories() {
        Arbitrary<LifecycleStage> stage = Arbitraries.of(LifecycleStage.class);
        Arbitrary<Long> step = Arbitraries.longs().between(0, 90L * 24 * 3600);
        return Combinators.combine(instants(), Combinators.combine(stage, step).as(Map::entry).list().ofMinSize(1)
                .ofMaxSize(4)).as((start, steps) -> {
                    List<StageTransition> history = new ArrayList<>();
                    Instant at = start;
                    for (Map.Entry<LifecycleStage, Long> s : steps) {
                        at = at.plusSeconds(s.getValue());
                        if (history.isEmpty() || history.get(history.size() - 1).stage() != s.getKey()) {
                            history.add(new StageTransition(s.getKey(), at));
                        }
                    }
                    return history;
                });
    }

    static Arbitrary<ExternalIdentity> identities() {
        return Combinators.combine(snake(), nonBlankLine(40)).as(ExternalIdentity::new);
    }

    static Arbitrary<Customer> customers() {
        return customers(tenants(), customerIds());
    }

    static Arbitrary<Customer> customers(Arbitrary<TenantId> tenants, Arbitrary<CustomerId> ids) {
        Arbitrary<CustomerHead> head = Combinators.combine(tenants, ids, Arbitraries.longs().between(0, 1_000_000),
                parties(), stageHistories(), tokens().optional(), tokens().set().ofMaxSize(5), instants())
                .as(CustomerHead::new);
        return Combinators.combine(head, contactPointLists(4), identities().set().ofMaxSize(3), typedValueMaps(4),
                Arbitraries.longs().between(0, 3_000_000_000L)).as((h, points, identities, attributes, age) ->
                new Customer(h.tenant(), h.id(), h.version(), h.party(), h.history(), h.owner(),
                        new TreeSet<>(h.tags()), points, new TreeSet<>(identities), attributes, h.createdAt(),
                        h.createdAt().plusSeconds(age)));
    }

    private record CustomerHead(TenantId tenant, CustomerId id, long version, Party party,
                                List<StageTransition> history, Optional<String> owner, Set<String> tags,
                                Instant createdAt) {
    }

    /** A merge of a generated customer into another of the same tenant, with field origins naming either. */
    static Arbitrary<MergeRecord> mergeRecords() {
        return Combinators.combine(tenants(), customerIds(), instants()).flatAs((t, survivor, at) -> {
            CustomerId merged = CustomerId.of(survivor.value() + "-m");
            Arbitrary<Map<String, CustomerId>> origins = Arbitraries.maps(nonBlankLine(40),
                    Arbitraries.of(survivor, merged)).ofMaxSize(4);
            return Combinators.combine(customers(Arbitraries.just(t), Arbitraries.just(merged)), origins)
                    .as((snapshot, o) -> new MergeRecord(t, survivor, merged, at, snapshot, new TreeMap<>(o)));
        });
    }

    // --- interactions ---

    static Arbitrary<Subject> subjects() {
        return Arbitraries.oneOf(customerIds().map(Subject::customer),
                Combinators.combine(tokens(), tokens()).as((a, b) -> Subject.visitor(VisitorId.of(a + b))));
    }

    static Arbitrary<Interaction> interactions() {
        Arbitrary<Interaction> head = Combinators.combine(tenants(), tokens().map(InteractionId::of), subjects(),
                Arbitraries.of(Channel.class), Arbitraries.of(Direction.class), snake().map(InteractionType::of),
                instants(), instants()).as((t, id, subject, channel, direction, type, occurred, recorded) ->
                Interaction.builder(t, id, subject, channel, type, occurred).direction(direction)
                        .recordedAt(recorded).build());
        return Combinators.combine(head, typedValueMaps(4), money().optional(), snake(), nonBlankLine(60),
                tokens().map(CampaignId::of).optional()).as((i, properties, amount, source, externalId, campaign) ->
                new Interaction(i.tenant(), i.id(), i.subject(), i.channel(), i.direction(), i.type(),
                        i.occurredAt(), i.recordedAt(), properties, amount, source, externalId, campaign));
    }

    // --- events ---

    static Arbitrary<DomainEvent> events() {
        Arbitrary<EventId> ids = eventIds();
        Arbitrary<TenantId> tenants = tenants();
        Arbitrary<Instant> ats = instants();
        return Arbitraries.oneOf(
                Combinators.combine(ids, tenants, ats, customers()).as(DomainEvent.CustomerCreated::new),
                Combinators.combine(ids, tenants, ats, customers()).as(DomainEvent.CustomerUpdated::new),
                Combinators.combine(ids, tenants, ats, customers(), mergeRecords())
                        .as(DomainEvent.CustomersMerged::new),
                Combinators.combine(ids, tenants, ats, customerIds(), customerIds().set().ofMaxSize(3))
                        .as((id, t, at, c, merged) -> new DomainEvent.CustomerErased(id, t, at, c,
                                new TreeSet<>(merged.stream().filter(m -> !m.equals(c)).toList()))),
                Combinators.combine(ids, tenants, ats, interactions()).as(DomainEvent.InteractionRecorded::new),
                Combinators.combine(ids, tenants, ats, subjects(), customerIds(),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE))
                        .as(DomainEvent.InteractionsReassigned::new),
                Combinators.combine(ids, tenants, ats, snake(), customerIds(), Arbitraries.of(true, false))
                        .as(DomainEvent.SegmentMembershipChanged::new),
                Combinators.combine(ids, tenants, ats, customerIds(), consentScopes(),
                        Arbitraries.of(ConsentState.class).filter(s -> s != ConsentState.NO_RECORD))
                        .as(DomainEvent.ConsentChanged::new),
                Combinators.combine(ids, tenants, ats, hashes(), Arbitraries.of(ContactKind.class),
                        Arbitraries.of(SuppressionReason.class)).as(DomainEvent.ContactSuppressed::new),
                Combinators.combine(ids, tenants, ats, hashes()).as(DomainEvent.ContactLifted::new),
                Combinators.combine(ids, tenants, ats, customerIds(),
                        scores().list().ofMinSize(1).ofMaxSize(4).uniqueElements(Score::name))
                        .as(DomainEvent.ScoreChanged::new));
    }

    /** A channel, a purpose and, for some channels with contact points, one of the channel's kind. */
    static Arbitrary<ConsentScope> consentScopes() {
        return Combinators.combine(Arbitraries.of(ConsentChannel.class), snake().map(Purpose::of))
                .flatAs((channel, purpose) -> channel.contactKind()
                        .map(kind -> contactValues(kind).optional())
                        .orElse(Arbitraries.just(Optional.empty()))
                        .map(point -> new ConsentScope(channel, purpose, point)));
    }

    static Arbitrary<Hash256> hashes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(Hash256.LENGTH).map(Hash256::of);
    }

    /**
     * Finite doubles of every magnitude (from raw bit patterns, so subnormals and the extremes too) and a few
     * round ones. Never {@code -0.0}: JSON has no negative zero, the codec reads it as {@code 0.0}.
     */
    static Arbitrary<Double> scoreValues() {
        Arbitrary<Double> any = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> round = Arbitraries.of(0.0, 1.0, 2.5, -3.0, 5.0, 100.0, 0.1);
        return Arbitraries.oneOf(any, round).map(v -> v == 0 ? 0.0 : v);
    }

    static Arbitrary<Score> scores() {
        return Combinators.combine(scoreNames(), scoreValues(), instants()).as(Score::of);
    }

    // --- segments ---

    static Arbitrary<Window> windows() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, Window.MAX_DAYS).map(Window::days),
                Arbitraries.longs().between(1, Window.MAX_HOURS).map(Window::hours), dates().map(Window::since),
                Combinators.combine(Arbitraries.of(Window.Calendar.Unit.class), Arbitraries.of(true, false))
                        .as(Window::calendar));
    }

    static Arbitrary<InteractionFilter> filters() {
        return Combinators.combine(snake().map(InteractionType::of).set().ofMaxSize(3).map(TreeSet::new),
                Arbitraries.of(Channel.class).optional(), Arbitraries.of(Direction.class).optional(),
                tokens().map(CampaignId::of).optional(),
                Arbitraries.maps(snake(), typedValues()).ofMaxSize(2).map(m -> (SortedMap<String, TypedValue>)
                        new TreeMap<>(m))).as(InteractionFilter::new);
    }

    /** Score names: one to three snake_case parts joined by dots. */
    static Arbitrary<String> scoreNames() {
        return snake().list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(".", parts));
    }

    /** Every case of {@link Aggregate}; amounts in EUR. */
    static Arbitrary<Aggregate> aggregates() {
        return Arbitraries.oneOf(
                Combinators.combine(filters(), windows().optional()).as(Aggregate.Count::new),
                Combinators.combine(snake(), filters(), windows().optional()).as(Aggregate.CountDistinct::new),
                Combinators.combine(Arbitraries.of(Aggregate.Function.class), filters(), windows().optional())
                        .as((f, filter, w) -> new Aggregate.Amount(f, Currency.getInstance("EUR"), filter, w)));
    }

    /** Whether a host may give a predicate function this name: it is not a reserved word of the segment language. */
    private static boolean callable(String name) {
        try {
            return SegmentLanguage.parse(name + "()") instanceof Condition.FunctionCall;
        } catch (SegmentSyntaxException e) {
            return false;
        }
    }

    /** Every leaf case of {@link Condition}, with valid and varied fields. */
    static Arbitrary<Condition> leafConditions() {
        Arbitrary<Operator> ops = Arbitraries.of(Operator.class);
        Arbitrary<List<TypedValue>> values = typedValues().list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<BigDecimal> numbers = Combinators.combine(Arbitraries.longs(),
                Arbitraries.integers().between(-30, 30)).as(BigDecimal::valueOf);
        return Arbitraries.oneOf(
                Combinators.combine(snake(), ops, typedValues()).as(Condition.Compare::new),
                Combinators.combine(snake(), values).as(Condition.In::new),
                Combinators.combine(snake(), typedValues(), typedValues()).as(Condition.Between::new),
                snake().map(Condition.Exists::new),
                Combinators.combine(snake(), text(60)).as(Condition.Contains::new),
                Combinators.combine(snake(), text(60)).as(Condition.StartsWith::new),
                Combinators.combine(snake(), Arbitraries.of(TextMatch.Test.class), text(60)).as((a, t, x) ->
                        new TextMatch(a, t, x, true)),
                Combinators.combine(snake(), text(60)).as((a, x) -> new TextMatch(a, TextMatch.Test.ENDS_WITH, x,
                        false)),
                Combinators.combine(snake(), Arbitraries.of("^a+$", "(?i)x|y", "[0-9]{2,}", "é\\.\"")).as(
                        Matches::new),
                Arbitraries.of("example.com", "mail.de", "xn--bcher-kva.example").set().ofMinSize(1)
                        .map(d -> new EmailDomainIn(new TreeSet<>(d))),
                Arbitraries.of(LifecycleStage.class).set().ofMinSize(1).map(Condition.StageIn::new),
                tokens().map(Condition.HasTag::new),
                Combinators.combine(filters(), windows().optional(), ops,
                        Arbitraries.longs().between(0, Long.MAX_VALUE)).as(Condition.CountCompare::new),
                Combinators.combine(filters(), windows().optional(), ops, money()).as(Condition.SumCompare::new),
                Combinators.combine(filters(), windows()).as(Condition.OccurredWithin::new),
                Combinators.combine(Arbitraries.of(Aggregate.Function.AVG, Aggregate.Function.MIN,
                        Aggregate.Function.MAX), filters(), windows().optional(), ops, money())
                        .as(AmountCompare::new),
                Combinators.combine(snake(), filters(), windows().optional(), ops,
                        Arbitraries.longs().between(0, Long.MAX_VALUE)).as(DistinctCountCompare::new),
                Combinators.combine(aggregates(), ops, aggregates()).filter((l, o, r) -> l.isCount() == r.isCount())
                        .as(AggregateCompare::new),
                Combinators.combine(snake().optional(), Arbitraries.of(ChronoUnit.DAYS, ChronoUnit.MONTHS,
                        ChronoUnit.YEARS), ops,
                        Arbitraries.longs().between(-TimeSince.MAX_AMOUNT, TimeSince.MAX_AMOUNT))
                        .as((a, u, o, n) -> new TimeSince(a.isPresent() ? TimeSince.From.ATTRIBUTE
                                : n % 2 == 0 ? TimeSince.From.CREATED : TimeSince.From.STAGE_ENTERED, a, u, o, n)),
                Combinators.combine(snake(), Arbitraries.longs().between(1, 366)).as(AnniversaryWithin::new),
                Arbitraries.of("DE", "AT", "US", "FR").set().ofMinSize(1).map(c -> new AddressCountryIn(
                        new TreeSet<>(c))),
                Arbitraries.of("10", "sw1a", "8", "75 0").map(PostalCodeStartsWith::new),
                Combinators.combine(snake(), snake(), Arbitraries.bigDecimals().between(BigDecimal.valueOf(-90),
                        BigDecimal.valueOf(90)).ofScale(4), Arbitraries.bigDecimals().between(BigDecimal.valueOf(-180),
                        BigDecimal.valueOf(180)).ofScale(4), Arbitraries.bigDecimals().between(new BigDecimal("0.1"),
                        BigDecimal.valueOf(20_040)).ofScale(1)).as(WithinDistance::new),
                Combinators.combine(scoreNames(), ops, numbers).as(Condition.ScoreCompare::new),
                snake().map(Condition.SegmentRef::new),
                Combinators.combine(snake().filter(JsonArbitraries::callable), typedValues().list().ofMaxSize(3))
                        .as(Condition.FunctionCall::new));
    }

    /** Conditions of every case, with {@code and}, {@code or} and {@code not} nested up to {@code maxDepth}. */
    static Arbitrary<Condition> conditions(int maxDepth) {
        Function<Arbitrary<Condition>, Arbitrary<Condition>> compound = inner -> Arbitraries.frequencyOf(
                Tuple.of(1, inner),
                Tuple.of(1, inner.map(Condition.Not::new)),
                Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(Condition.And::new)),
                Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(Condition.Or::new)));
        return Arbitraries.recursive(JsonArbitraries::leafConditions, compound, 0, maxDepth);
    }

    static Arbitrary<Condition> conditions() {
        return conditions(4);
    }

    static Arbitrary<SegmentDefinition> segmentDefinitions() {
        return Combinators.combine(snake(), conditions()).as(SegmentDefinition::new);
    }

    static Arbitrary<SegmentChange> segmentChanges() {
        return Combinators.combine(Arbitraries.of(SegmentChange.Kind.class), tenants(), snake(), customerIds(),
                instants()).as(SegmentChange::new);
    }
}
