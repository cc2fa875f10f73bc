package org.crmkit.json.internal;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;

import org.crmkit.spi.segment.AnniversaryWithin;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.TimeSince;

/**
 * JSON of the conditions on dates relative to today, for {@link ConditionCodec}: {@code time_since} ({@code from} —
 * {@code attribute}, {@code stage_entered} or {@code created} —, {@code attribute} when from an attribute,
 * {@code unit} — {@code days}, {@code months} or {@code years} —, {@code operator}, {@code amount});
 * {@code anniversary_within} ({@code attribute}, {@code days}). Stateless.
 */
final class RelativeDateCodec {
    private RelativeDateCodec() {
    }

    /** The {@code "type"} of {@code c}, if it is one of these conditions. */
    static Optional<String> typeOf(Condition c) {
        if (c instanceof TimeSince) {
            return Optional.of("time_since");
        }
        return c instanceof AnniversaryWithin ? Optional.of("anniversary_within") : Optional.empty();
    }

    /** Writes the fields of {@code c} after its type. */
    static void write(Condition c, JsonGenerator g) throws IOException {
        if (c instanceof TimeSince t) {
            JsonOut.constant(g, "from", t.from());
            JsonOut.optionalString(g, "attribute", t.attribute());
            JsonOut.constant(g, "unit", t.unit());
            JsonOut.constant(g, "operator", t.operator());
            g.writeNumberField("amount", t.amount());
        } else {
            AnniversaryWithin a = (AnniversaryWithin) c;
            g.writeStringField("attribute", a.attribute());
            g.writeNumberField("days", a.days());
        }
    }

    /** Reads a condition of {@code type}, one of {@link #typeOf}'s. */
    static Condition read(String type, JsonIn in) {
        if (type.equals("time_since")) {
            in.object("type", "from", "attribute", "unit", "operator", "amount");
            TimeSince.From from = in.field("from").constant(TimeSince.From.class);
            Optional<String> attribute = in.optional("attribute").map(JsonIn::string);
            JsonIn unitIn = in.field("unit");
            ChronoUnit unit = unitIn.constant(ChronoUnit.class);
            Operator operator = in.field("operator").constant(Operator.class);
            long amount = in.field("amount").longValue();
            return in.build(() -> new TimeSince(from, attribute, unit, operator, amount));
        }
        in.object("type", "attribute", "days");
        String attribute = in.field("attribute").string();
        long days = in.field("days").longValue();
        return in.build(() -> new AnniversaryWithin(attribute, days));
    }
}
