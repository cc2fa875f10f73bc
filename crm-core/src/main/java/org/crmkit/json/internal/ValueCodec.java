package org.crmkit.json.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;

import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.event.EventId;

/**
 * JSON of money, typed values and event ids. Money is {@code {"amount":"12.50","currency":"EUR"}} with the amount a
 * plain decimal string; a typed value is {@code {"type":…,"value":…}} with type {@code text}, {@code number} (a JSON
 * number), {@code bool}, {@code date} (ISO-8601), {@code choice} or {@code amount} (money). Stateless.
 */
public final class ValueCodec {
    /** A plain decimal as Money writes it; refusing exponents keeps huge scales away from BigDecimal arithmetic. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,20})?");
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ValueCodec() {
    }

    public static void writeMoney(Money money, JsonGenerator g) throws IOException {
        writeAmount(money.amount(), money.currency(), g);
    }

    public static Money readMoney(JsonIn in) {
        return readAmount(in, Money::of);
    }

    /** {@code {"amount":"12.50","currency":"EUR"}}: the shape of money and of sums of money. */
    static void writeAmount(BigDecimal amount, Currency currency, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("amount", amount.toPlainString());
        g.writeStringField("currency", currency.getCurrencyCode());
        g.writeEndObject();
    }

    /** Reads what {@link #writeAmount} writes (at most 40 integer digits and 20 decimals) and makes a value of it. */
    static <T> T readAmount(JsonIn in, BiFunction<BigDecimal, Currency, T> value) {
        in.object("amount", "currency");
        JsonIn amountIn = in.field("amount");
        String amount = amountIn.string();
        if (!PLAIN_DECIMAL.matcher(amount).matches()) {
            throw amountIn.fail("must be a plain decimal string such as \"12.50\"");
        }
        Currency currency = in.field("currency").string(Money::parseCurrency);
        return amountIn.build(() -> value.apply(new BigDecimal(amount), currency));
    }

    /** Field {@code name}: an object of {@code values} by name, in the map's order. */
    static void writeTypedValues(String name, Map<String, TypedValue> values, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, TypedValue> e : values.entrySet()) {
            g.writeFieldName(e.getKey());
            writeTypedValue(e.getValue(), g);
        }
        g.writeEndObject();
    }

    public static void writeTypedValue(TypedValue value, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (value instanceof TypedValue.Text t) {
            g.writeStringField("type", "text");
            g.writeStringField("value", t.value());
        } else if (value instanceof TypedValue.Number n) {
            g.writeStringField("type", "number");
            g.writeFieldName("value");
            g.writeNumber(n.value().toPlainString());
        } else if (value instanceof TypedValue.Bool b) {
            g.writeStringField("type", "bool");
            g.writeBooleanField("value", b.value());
        } else if (value instanceof TypedValue.Date d) {
            g.writeStringField("type", "date");
            g.writeStringField("value", d.value().toString());
        } else if (value instanceof TypedValue.Choice c) {
            g.writeStringField("type", "choice");
            g.writeStringField("value", c.value());
        } else {
            g.writeStringField("type", "amount");
            g.writeFieldName("value");
            writeMoney(((TypedValue.Amount) value).value(), g);
        }
        g.writeEndObject();
    }

    public static TypedValue readTypedValue(JsonIn in) {
        in.object("type", "value");
        JsonIn typeIn = in.field("type");
        String type = typeIn.string();
        JsonIn v = in.field("value");
        return switch (type) {
            case "text" -> v.string(TypedValue.Text::new);
            case "number" -> {
                BigDecimal number = v.number();
                yield v.build(() -> new TypedValue.Number(number));
            }
            case "bool" -> new TypedValue.Bool(v.bool());
            case "date" -> new TypedValue.Date(v.date());
            case "choice" -> v.string(TypedValue.Choice::new);
            case "amount" -> new TypedValue.Amount(readMoney(v));
            default -> throw typeIn.fail("must be one of text, number, bool, date, choice, amount");
        };
    }

    public static EventId readEventId(JsonIn in) {
        String text = in.string();
        if (!CANONICAL_UUID.matcher(text).matches()) {
            throw in.fail("must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
        }
        return EventId.of(UUID.fromString(text));
    }
}
