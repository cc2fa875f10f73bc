package org.crmkit.json.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonGenerator;

import org.crmkit.json.JsonCodecException;
import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Direction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.EmailDomainIn;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.Matches;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.TextMatch;
import org.crmkit.spi.segment.Window;

/**
 * JSON of the segment AST. A condition carries its {@code "type"}, the snake_case name of its case, followed by the
 * case's fields in record order: {@code and}, {@code or} ({@code operands}); {@code not} ({@code operand});
 * {@code compare} ({@code attribute}, {@code operator}, {@code value}); {@code in} ({@code attribute},
 * {@code values}); {@code between} ({@code attribute}, {@code low}, {@code high}); {@code exists}
 * ({@code attribute}); {@code contains} ({@code attribute}, {@code text}); {@code starts_with} ({@code attribute},
 * {@code prefix}); {@code stage_in} ({@code stages}); {@code has_tag} ({@code tag}); {@code count_compare}
 * ({@code filter}, optional {@code window}, {@code operator}, {@code count}); {@code sum_compare} ({@code filter},
 * optional {@code window}, {@code operator}, {@code amount}); {@code occurred_within} ({@code filter},
 * {@code window}); {@code score_compare} ({@code score}, {@code operator}, {@code value}, a JSON number);
 * {@code segment_ref} ({@code name}); {@code function_call} ({@code name}, {@code arguments}).
 *
 * <p>A window is {@code {"amount":30,"unit":"days"}} (unit {@code days} or {@code hours}) or
 * {@code {"since":"2025-01-01"}} or {@code {"calendar":"quarter","previous":true}} (last quarter); an interaction
 * filter {@code {"type":"order_placed","channel":"web","direction":"inbound","campaign":"spring",
 * "properties":{"page":{…typed value…}}}}, every member optional ({@code {}} is every interaction); several types are
 * {@code "types":["order_placed","order_returned"]} (one type is always written as {@code "type"}).
 *
 * <p>Conditions nest at most {@link #MAX_NESTING} deep, counting {@code and}, {@code or} and {@code not}: the limit
 * of the segment language and of a segment catalog. Deeper conditions are refused on reading and on writing, and
 * both recurse at most that deep. Stateless.
 */
public final class ConditionCodec {
    /** Deepest nesting of {@code and}, {@code or} and {@code not}: the segment language's limit. */
    public static final int MAX_NESTING = 64;
    /**
     * Deepest JSON nesting of a condition within {@link #MAX_NESTING}: the condition's object, two levels per
     * {@code and}/{@code or} ({@code operands} array and operand object), three inside a leaf ({@code values} array,
     * typed value, money).
     */
    public static final int MAX_LEVELS = 2 * MAX_NESTING + 4;
    private static final String TOO_DEEP = "nesting deeper than " + MAX_NESTING + " (and, or, not)";

    private static final String[] UNITS = {"days", "hours"};

    private ConditionCodec() {
    }

    public static void writeCondition(Condition condition, JsonGenerator g) throws IOException {
        write(condition, g, 0);
    }

    private static void write(Condition condition, JsonGenerator g, int depth) throws IOException {
        g.writeStartObject();
        if (depth > MAX_NESTING) {
            throw new JsonCodecException(JsonPaths.of(g.getOutputContext()), TOO_DEEP);
        }
        g.writeStringField("type", typeOf(condition));
        if (condition instanceof Condition.And and) {
            writeOperands(and.operands(), g, depth);
        } else if (condition instanceof Condition.Or or) {
            writeOperands(or.operands(), g, depth);
        } else if (condition instanceof Condition.Not not) {
            g.writeFieldName("operand");
            write(not.operand(), g, depth + 1);
        } else {
            writeLeaf(condition, g);
        }
        g.writeEndObject();
    }

    private static void writeOperands(List<Condition> operands, JsonGenerator g, int depth) throws IOException {
        g.writeArrayFieldStart("operands");
        for (Condition operand : operands) {
            write(operand, g, depth + 1);
        }
        g.writeEndArray();
    }

    private static void writeLeaf(Condition condition, JsonGenerator g) throws IOException {
        if (condition instanceof Condition.Compare c) {
            g.writeStringField("attribute", c.attribute());
            JsonOut.constant(g, "operator", c.operator());
            g.writeFieldName("value");
            ValueCodec.writeTypedValue(c.value(), g);
        } else if (condition instanceof Condition.In c) {
            g.writeStringField("attribute", c.attribute());
            writeValues("values", c.values(), g);
        } else if (condition instanceof Condition.Between c) {
            g.writeStringField("attribute", c.attribute());
            g.writeFieldName("low");
            ValueCodec.writeTypedValue(c.low(), g);
            g.writeFieldName("high");
            ValueCodec.writeTypedValue(c.high(), g);
        } else if (condition instanceof Condition.Exists c) {
            g.writeStringField("attribute", c.attribute());
        } else if (condition instanceof Condition.Contains c) {
            g.writeStringField("attribute", c.attribute());
            g.writeStringField("text", c.text());
        } else if (condition instanceof Condition.StartsWith c) {
            g.writeStringField("attribute", c.attribute());
            g.writeStringField("prefix", c.prefix());
        } else if (condition instanceof Condition.StageIn c) {
            g.writeArrayFieldStart("stages");
            for (LifecycleStage stage : c.stages()) {
                g.writeString(EnumNames.of(stage));
            }
            g.writeEndArray();
        } else if (condition instanceof Condition.HasTag c) {
            g.writeStringField("tag", c.tag());
        } else if (condition instanceof TextMatch c) {
            g.writeStringField("attribute", c.attribute());
            JsonOut.constant(g, "test", c.test());
            g.writeStringField("text", c.text());
            g.writeBooleanField("ignore_case", c.ignoreCase());
        } else if (condition instanceof Matches c) {
            g.writeStringField("attribute", c.attribute());
            g.writeStringField("pattern", c.pattern());
        } else if (condition instanceof EmailDomainIn c) {
            g.writeArrayFieldStart("domains");
            for (String domain : c.domains()) {
                g.writeString(domain);
            }
            g.writeEndArray();
        } else {
            writeAggregate(condition, g);
        }
    }

    private static void writeAggregate(Condition condition, JsonGenerator g) throws IOException {
        if (condition instanceof Condition.CountCompare c) {
            writeFilterAndWindow(c.filter(), c.window(), g);
            JsonOut.constant(g, "operator", c.operator());
            g.writeNumberField("count", c.count());
        } else if (condition instanceof Condition.SumCompare c) {
            writeFilterAndWindow(c.filter(), c.window(), g);
            JsonOut.constant(g, "operator", c.operator());
            g.writeFieldName("amount");
            ValueCodec.writeMoney(c.amount(), g);
        } else if (condition instanceof Condition.OccurredWithin c) {
            writeFilterAndWindow(c.filter(), Optional.of(c.window()), g);
        } else if (condition instanceof Condition.ScoreCompare c) {
            g.writeStringField("score", c.score());
            JsonOut.constant(g, "operator", c.operator());
            g.writeFieldName("value");
            g.writeNumber(c.value().toPlainString());
        } else if (AggregateCodec.typeOf(condition).isPresent()) {
            AggregateCodec.write(condition, g);
        } else if (RelativeDateCodec.typeOf(condition).isPresent()) {
            RelativeDateCodec.write(condition, g);
        } else if (GeoCodec.typeOf(condition).isPresent()) {
            GeoCodec.write(condition, g);
        } else if (condition instanceof Condition.SegmentRef c) {
            g.writeStringField("name", c.name());
        } else {
            Condition.FunctionCall c = (Condition.FunctionCall) condition;
            g.writeStringField("name", c.name());
            writeValues("arguments", c.arguments(), g);
        }
    }

    private static void writeValues(String name, List<TypedValue> values, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart(name);
        for (TypedValue value : values) {
            ValueCodec.writeTypedValue(value, g);
        }
        g.writeEndArray();
    }

    static void writeFilterAndWindow(InteractionFilter filter, Optional<Window> window, JsonGenerator g)
            throws IOException {
        g.writeFieldName("filter");
        writeFilter(filter, g);
        if (window.isPresent()) {
            g.writeFieldName("window");
            writeWindow(window.get(), g);
        }
    }

    public static Condition readCondition(JsonIn in) {
        return read(in, 0);
    }

    private static Condition read(JsonIn in, int depth) {
        if (depth > MAX_NESTING) {
            throw in.fail(TOO_DEEP);
        }
        JsonIn typeIn = in.field("type");
        return switch (typeIn.string()) {
            case "and" -> {
                List<Condition> operands = operands(in.object("type", "operands"), depth);
                yield in.build(() -> new Condition.And(operands));
            }
            case "or" -> {
                List<Condition> operands = operands(in.object("type", "operands"), depth);
                yield in.build(() -> new Condition.Or(operands));
            }
            case "not" -> new Condition.Not(read(in.object("type", "operand").field("operand"), depth + 1));
            case "compare" -> readCompare(in.object("type", "attribute", "operator", "value"));
            case "in" -> {
                in.object("type", "attribute", "values");
                String attribute = in.field("attribute").string();
                List<TypedValue> values = values(in.field("values"));
                yield in.build(() -> new Condition.In(attribute, values));
            }
            case "between" -> readBetween(in.object("type", "attribute", "low", "high"));
            case "exists" -> in.object("type", "attribute").field("attribute").string(Condition.Exists::new);
            case "contains" -> {
                in.object("type", "attribute", "text");
                String attribute = in.field("attribute").string();
                String text = in.field("text").string();
                yield in.build(() -> new Condition.Contains(attribute, text));
            }
            case "starts_with" -> {
                in.object("type", "attribute", "prefix");
                String attribute = in.field("attribute").string();
                String prefix = in.field("prefix").string();
                yield in.build(() -> new Condition.StartsWith(attribute, prefix));
            }
            case "text_match" -> readTextMatch(in.object("type", "attribute", "test", "text", "ignore_case"));
            case "matches" -> {
                in.object("type", "attribute", "pattern");
                String attribute = in.field("attribute").string();
                String pattern = in.field("pattern").string();
                yield in.build(() -> new Matches(attribute, pattern));
            }
            case "email_domain_in" -> {
                Set<String> domains = new TreeSet<>();
                for (JsonIn domain : in.object("type", "domains").field("domains").elements()) {
                    domains.add(domain.string());
                }
                yield in.build(() -> new EmailDomainIn(new TreeSet<>(domains)));
            }
            case "stage_in" -> readStageIn(in.object("type", "stages"));
            case "has_tag" -> in.object("type", "tag").field("tag").string(Condition.HasTag::new);
            case "count_compare" -> readCount(in.object("type", "filter", "window", "operator", "count"));
            case "sum_compare" -> readSum(in.object("type", "filter", "window", "operator", "amount"));
            case "occurred_within" -> {
                in.object("type", "filter", "window");
                InteractionFilter filter = readFilter(in.field("filter"));
                Window window = readWindow(in.field("window"));
                yield new Condition.OccurredWithin(filter, window);
            }
            case "amount_compare", "distinct_count_compare", "aggregate_compare" ->
                    AggregateCodec.read(typeIn.string(), in);
            case "time_since", "anniversary_within" -> RelativeDateCodec.read(typeIn.string(), in);
            case "address_country_in", "postal_code_starts_with", "within_distance" ->
                    GeoCodec.read(typeIn.string(), in);
            case "score_compare" -> readScore(in.object("type", "score", "operator", "value"));
            case "segment_ref" -> in.object("type", "name").field("name").string(Condition.SegmentRef::new);
            case "function_call" -> {
                in.object("type", "name", "arguments");
                String name = in.field("name").string();
                List<TypedValue> arguments = values(in.field("arguments"));
                yield in.build(() -> new Condition.FunctionCall(name, arguments));
            }
            default -> throw typeIn.fail("must be one of and, or, not, compare, in, between, exists, contains, "
                    + "starts_with, text_match, matches, email_domain_in, stage_in, has_tag, count_compare, "
                    + "sum_compare, occurred_within, amount_compare, distinct_count_compare, aggregate_compare, "
                    + "time_since, anniversary_within, address_country_in, postal_code_starts_with, within_distance, "
                    + "score_compare, segment_ref, function_call");
        };
    }

    private static List<Condition> operands(JsonIn in, int depth) {
        List<Condition> operands = new ArrayList<>();
        for (JsonIn operand : in.field("operands").elements()) {
            operands.add(read(operand, depth + 1));
        }
        return operands;
    }

    private static List<TypedValue> values(JsonIn in) {
        List<TypedValue> values = new ArrayList<>();
        for (JsonIn value : in.elements()) {
            values.add(ValueCodec.readTypedValue(value));
        }
        return values;
    }

    private static Condition readCompare(JsonIn in) {
        String attribute = in.field("attribute").string();
        Operator operator = in.field("operator").constant(Operator.class);
        TypedValue value = ValueCodec.readTypedValue(in.field("value"));
        return in.build(() -> new Condition.Compare(attribute, operator, value));
    }

    private static Condition readBetween(JsonIn in) {
        String attribute = in.field("attribute").string();
        TypedValue low = ValueCodec.readTypedValue(in.field("low"));
        TypedValue high = ValueCodec.readTypedValue(in.field("high"));
        return in.build(() -> new Condition.Between(attribute, low, high));
    }

    private static Condition readTextMatch(JsonIn in) {
        String attribute = in.field("attribute").string();
        TextMatch.Test test = in.field("test").constant(TextMatch.Test.class);
        String text = in.field("text").string();
        boolean ignoreCase = in.field("ignore_case").bool();
        return in.build(() -> new TextMatch(attribute, test, text, ignoreCase));
    }

    private static Condition readStageIn(JsonIn in) {
        Set<LifecycleStage> stages = EnumSet.noneOf(LifecycleStage.class);
        for (JsonIn stage : in.field("stages").elements()) {
            if (!stages.add(stage.constant(LifecycleStage.class))) {
                throw stage.fail("repeats an earlier stage");
            }
        }
        return in.build(() -> new Condition.StageIn(stages));
    }

    private static Condition readCount(JsonIn in) {
        InteractionFilter filter = readFilter(in.field("filter"));
        Optional<Window> window = in.optional("window").map(ConditionCodec::readWindow);
        Operator operator = in.field("operator").constant(Operator.class);
        long count = in.field("count").longValue();
        return in.build(() -> new Condition.CountCompare(filter, window, operator, count));
    }

    private static Condition readSum(JsonIn in) {
        InteractionFilter filter = readFilter(in.field("filter"));
        Optional<Window> window = in.optional("window").map(ConditionCodec::readWindow);
        Operator operator = in.field("operator").constant(Operator.class);
        Money amount = ValueCodec.readMoney(in.field("amount"));
        return in.build(() -> new Condition.SumCompare(filter, window, operator, amount));
    }

    private static Condition readScore(JsonIn in) {
        String score = in.field("score").string();
        Operator operator = in.field("operator").constant(Operator.class);
        BigDecimal value = in.field("value").number();
        return in.build(() -> new Condition.ScoreCompare(score, operator, value));
    }

    public static void writeWindow(Window window, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (window.since().isPresent()) {
            g.writeStringField("since", window.since().get().toString());
        } else if (window.calendar().isPresent()) {
            JsonOut.constant(g, "calendar", window.calendar().get().unit());
            g.writeBooleanField("previous", window.calendar().get().previous());
        } else {
            g.writeNumberField("amount", window.amount());
            g.writeStringField("unit", window.unit() == ChronoUnit.DAYS ? UNITS[0] : UNITS[1]);
        }
        g.writeEndObject();
    }

    public static Window readWindow(JsonIn in) {
        in.object("amount", "unit", "since", "calendar", "previous");
        Optional<JsonIn> since = in.optional("since");
        if (since.isPresent()) {
            in.object("since");
            return Window.since(since.get().date());
        }
        Optional<JsonIn> calendar = in.optional("calendar");
        if (calendar.isPresent()) {
            in.object("calendar", "previous");
            return Window.calendar(calendar.get().constant(Window.Calendar.Unit.class), in.field("previous").bool());
        }
        JsonIn amountIn = in.field("amount");
        long amount = amountIn.longValue();
        JsonIn unitIn = in.field("unit");
        String unit = unitIn.string();
        if (!unit.equals(UNITS[0]) && !unit.equals(UNITS[1])) {
            throw unitIn.fail("must be one of days, hours");
        }
        return amountIn.build(() -> new Window(amount, unit.equals(UNITS[0]) ? ChronoUnit.DAYS : ChronoUnit.HOURS));
    }

    public static void writeFilter(InteractionFilter filter, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (filter.types().size() == 1) {
            g.writeStringField("type", filter.types().first().name());
        } else if (!filter.types().isEmpty()) {
            g.writeArrayFieldStart("types");
            for (InteractionType type : filter.types()) {
                g.writeString(type.name());
            }
            g.writeEndArray();
        }
        if (filter.channel().isPresent()) {
            JsonOut.constant(g, "channel", filter.channel().get());
        }
        if (filter.direction().isPresent()) {
            JsonOut.constant(g, "direction", filter.direction().get());
        }
        JsonOut.optionalString(g, "campaign", filter.campaign().map(CampaignId::value));
        if (!filter.properties().isEmpty()) {
            ValueCodec.writeTypedValues("properties", filter.properties(), g);
        }
        g.writeEndObject();
    }

    public static InteractionFilter readFilter(JsonIn in) {
        in.object("type", "types", "channel", "direction", "campaign", "properties");
        Set<InteractionType> types = new TreeSet<>();
        Optional<JsonIn> one = in.optional("type");
        Optional<JsonIn> many = in.optional("types");
        if (one.isPresent() && many.isPresent()) {
            throw many.get().fail("must not be given with type (type is one, types several)");
        }
        one.ifPresent(t -> types.add(t.string(InteractionType::of)));
        many.ifPresent(list -> list.elements().forEach(t -> {
            if (!types.add(t.string(InteractionType::of))) {
                throw t.fail("repeats an earlier type");
            }
        }));
        Optional<Channel> channel = in.optional("channel").map(c -> c.constant(Channel.class));
        Optional<Direction> direction = in.optional("direction").map(d -> d.constant(Direction.class));
        Optional<CampaignId> campaign = in.optional("campaign").map(c -> c.string(CampaignId::of));
        SortedMap<String, TypedValue> properties = in.optional("properties").map(CustomerCodec::typedValues)
                .orElseGet(TreeMap::new);
        return in.build(() -> new InteractionFilter(new TreeSet<>(types), channel, direction, campaign,
                properties));
    }

    private static String typeOf(Condition condition) {
        if (condition instanceof Condition.And) {
            return "and";
        } else if (condition instanceof Condition.Or) {
            return "or";
        } else if (condition instanceof Condition.Not) {
            return "not";
        } else if (condition instanceof Condition.Compare) {
            return "compare";
        } else if (condition instanceof Condition.In) {
            return "in";
        } else if (condition instanceof Condition.Between) {
            return "between";
        } else if (condition instanceof Condition.Exists) {
            return "exists";
        } else if (condition instanceof Condition.Contains) {
            return "contains";
        } else if (condition instanceof Condition.StartsWith) {
            return "starts_with";
        } else if (condition instanceof TextMatch) {
            return "text_match";
        } else if (condition instanceof Matches) {
            return "matches";
        } else if (condition instanceof EmailDomainIn) {
            return "email_domain_in";
        } else if (condition instanceof Condition.StageIn) {
            return "stage_in";
        } else if (condition instanceof Condition.HasTag) {
            return "has_tag";
        } else if (condition instanceof Condition.CountCompare) {
            return "count_compare";
        } else if (condition instanceof Condition.SumCompare) {
            return "sum_compare";
        } else if (condition instanceof Condition.OccurredWithin) {
            return "occurred_within";
        } else if (AggregateCodec.typeOf(condition).isPresent()) {
            return AggregateCodec.typeOf(condition).get();
        } else if (RelativeDateCodec.typeOf(condition).isPresent()) {
            return RelativeDateCodec.typeOf(condition).get();
        } else if (GeoCodec.typeOf(condition).isPresent()) {
            return GeoCodec.typeOf(condition).get();
        } else if (condition instanceof Condition.ScoreCompare) {
            return "score_compare";
        } else if (condition instanceof Condition.SegmentRef) {
            return "segment_ref";
        }
        return "function_call";
    }
}
