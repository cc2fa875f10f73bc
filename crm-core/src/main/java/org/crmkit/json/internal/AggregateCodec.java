package org.crmkit.json.internal;

import java.io.IOException;
import java.util.Currency;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;

import org.crmkit.spi.Money;
import org.crmkit.spi.segment.Aggregate;
import org.crmkit.spi.segment.AggregateCompare;
import org.crmkit.spi.segment.AmountCompare;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.DistinctCountCompare;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.Window;

/**
 * JSON of the aggregates added to count, sum and last, for {@link ConditionCodec}: {@code amount_compare}
 * ({@code function} — {@code avg}, {@code min} or {@code max} —, {@code filter}, optional {@code window},
 * {@code operator}, {@code amount}); {@code distinct_count_compare} ({@code property}, {@code filter}, optional
 * {@code window}, {@code operator}, {@code count}); {@code aggregate_compare} ({@code left}, {@code operator},
 * {@code right}), an aggregate being {@code {"kind":"count"|"count_distinct"|"amount", "property" (count_distinct),
 * "function" and "currency" (amount), "filter", optional "window"}}. Stateless.
 */
final class AggregateCodec {
    private AggregateCodec() {
    }

    /** The {@code "type"} of {@code c}, if it is one of these aggregates. */
    static Optional<String> typeOf(Condition c) {
        if (c instanceof AmountCompare) {
            return Optional.of("amount_compare");
        } else if (c instanceof DistinctCountCompare) {
            return Optional.of("distinct_count_compare");
        }
        return c instanceof AggregateCompare ? Optional.of("aggregate_compare") : Optional.empty();
    }

    /** Writes the fields of {@code c} after its type. */
    static void write(Condition c, JsonGenerator g) throws IOException {
        if (c instanceof AmountCompare a) {
            JsonOut.constant(g, "function", a.function());
            ConditionCodec.writeFilterAndWindow(a.filter(), a.window(), g);
            JsonOut.constant(g, "operator", a.operator());
            g.writeFieldName("amount");
            ValueCodec.writeMoney(a.amount(), g);
        } else if (c instanceof DistinctCountCompare d) {
            g.writeStringField("property", d.property());
            ConditionCodec.writeFilterAndWindow(d.filter(), d.window(), g);
            JsonOut.constant(g, "operator", d.operator());
            g.writeNumberField("count", d.count());
        } else {
            AggregateCompare a = (AggregateCompare) c;
            g.writeFieldName("left");
            writeAggregate(a.left(), g);
            JsonOut.constant(g, "operator", a.operator());
            g.writeFieldName("right");
            writeAggregate(a.right(), g);
        }
    }

    /** Reads a condition of {@code type}, one of {@link #typeOf}'s. */
    static Condition read(String type, JsonIn in) {
        if (type.equals("amount_compare")) {
            in.object("type", "function", "filter", "window", "operator", "amount");
            Aggregate.Function function = in.field("function").constant(Aggregate.Function.class);
            InteractionFilter filter = ConditionCodec.readFilter(in.field("filter"));
            Optional<Window> window = in.optional("window").map(ConditionCodec::readWindow);
            Operator operator = in.field("operator").constant(Operator.class);
            Money amount = ValueCodec.readMoney(in.field("amount"));
            return in.build(() -> new AmountCompare(function, filter, window, operator, amount));
        } else if (type.equals("distinct_count_compare")) {
            in.object("type", "property", "filter", "window", "operator", "count");
            String property = in.field("property").string();
            InteractionFilter filter = ConditionCodec.readFilter(in.field("filter"));
            Optional<Window> window = in.optional("window").map(ConditionCodec::readWindow);
            Operator operator = in.field("operator").constant(Operator.class);
            long count = in.field("count").longValue();
            return in.build(() -> new DistinctCountCompare(property, filter, window, operator, count));
        }
        in.object("type", "left", "operator", "right");
        Aggregate left = readAggregate(in.field("left"));
        Operator operator = in.field("operator").constant(Operator.class);
        Aggregate right = readAggregate(in.field("right"));
        return in.build(() -> new AggregateCompare(left, operator, right));
    }

    private static void writeAggregate(Aggregate a, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (a instanceof Aggregate.Amount m) {
            g.writeStringField("kind", "amount");
            JsonOut.constant(g, "function", m.function());
            g.writeStringField("currency", m.currency().getCurrencyCode());
        } else if (a instanceof Aggregate.CountDistinct d) {
            g.writeStringField("kind", "count_distinct");
            g.writeStringField("property", d.property());
        } else {
            g.writeStringField("kind", "count");
        }
        ConditionCodec.writeFilterAndWindow(a.filter(), a.window(), g);
        g.writeEndObject();
    }

    private static Aggregate readAggregate(JsonIn in) {
        in.object("kind", "property", "function", "currency", "filter", "window");
        JsonIn kindIn = in.field("kind");
        String kind = kindIn.string();
        InteractionFilter filter = ConditionCodec.readFilter(in.field("filter"));
        Optional<Window> window = in.optional("window").map(ConditionCodec::readWindow);
        switch (kind) {
            case "count" -> {
                in.object("kind", "filter", "window");
                return new Aggregate.Count(filter, window);
            }
            case "count_distinct" -> {
                in.object("kind", "property", "filter", "window");
                String property = in.field("property").string();
                return in.build(() -> new Aggregate.CountDistinct(property, filter, window));
            }
            case "amount" -> {
                in.object("kind", "function", "currency", "filter", "window");
                Aggregate.Function function = in.field("function").constant(Aggregate.Function.class);
                Currency currency = in.field("currency").string(Money::parseCurrency);
                return new Aggregate.Amount(function, currency, filter, window);
            }
            default -> throw kindIn.fail("must be one of count, count_distinct, amount");
        }
    }
}
