package org.crmkit.json.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;

import org.crmkit.customer.CustomerFigures;
import org.crmkit.customer.CustomerView;
import org.crmkit.customer.Revenue;
import org.crmkit.spi.Page;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;

/**
 * JSON of the 360° view: customer figures, the view itself, and the data-portability export document
 * {@code {"format":"crmkit.customer360","version":1,"exported_at":…,"customer":…,"interactions_by_channel":…,
 * "figures":…}}. Stateless.
 */
public final class ViewCodec {
    /** The {@code format} of the export document. */
    public static final String EXPORT_FORMAT = "crmkit.customer360";
    /** The {@code version} of the export document; raised when its shape changes incompatibly. */
    public static final int EXPORT_VERSION = 1;

    private ViewCodec() {
    }

    public static void writeFigures(CustomerFigures f, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("interactions", f.interactions());
        JsonOut.optionalInstant(g, "first_contact", f.firstContact());
        JsonOut.optionalInstant(g, "last_contact", f.lastContact());
        g.writeNumberField("orders", f.orders());
        g.writeArrayFieldStart("revenue");
        for (Revenue r : f.revenue()) {
            writeRevenue(r, g);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("by_channel");
        for (Map.Entry<Channel, Long> e : f.byChannel().entrySet()) {
            g.writeNumberField(EnumNames.of(e.getKey()), e.getValue());
        }
        g.writeEndObject();
        if (f.preferredChannel().isPresent()) {
            JsonOut.constant(g, "preferred_channel", f.preferredChannel().get());
        }
        g.writeEndObject();
    }

    public static CustomerFigures readFigures(JsonIn in) {
        in.object("interactions", "first_contact", "last_contact", "orders", "revenue", "by_channel",
                "preferred_channel");
        long interactions = in.field("interactions").longValue();
        Optional<Instant> first = in.optional("first_contact").map(JsonIn::instant);
        Optional<Instant> last = in.optional("last_contact").map(JsonIn::instant);
        long orders = in.field("orders").longValue();
        List<Revenue> revenue = new ArrayList<>();
        for (JsonIn r : in.field("revenue").elements()) {
            revenue.add(readRevenue(r));
        }
        SortedMap<Channel, Long> byChannel = new TreeMap<>();
        for (Map.Entry<String, JsonIn> e : in.field("by_channel").members()) {
            byChannel.put(channel(e.getKey(), e.getValue()), e.getValue().longValue());
        }
        Optional<Channel> preferred = in.optional("preferred_channel").map(c -> c.constant(Channel.class));
        return in.build(() -> new CustomerFigures(interactions, first, last, orders, revenue, byChannel, preferred));
    }

    /** A sum of money, shaped as money: {@code {"amount":"1999999999999999998.00","currency":"EUR"}}. */
    public static void writeRevenue(Revenue revenue, JsonGenerator g) throws IOException {
        ValueCodec.writeAmount(revenue.amount(), revenue.currency(), g);
    }

    public static Revenue readRevenue(JsonIn in) {
        return ValueCodec.readAmount(in, Revenue::new);
    }

    private static Channel channel(String name, JsonIn value) {
        for (Channel c : Channel.values()) {
            if (EnumNames.of(c).equals(name)) {
                return c;
            }
        }
        throw value.fail("is not a channel");
    }

    /** The view: {@code customer}, {@code interactions_by_channel} and {@code figures}. */
    public static void writeView(CustomerView view, JsonGenerator g) throws IOException {
        g.writeStartObject();
        writeViewFields(view, g);
        g.writeEndObject();
    }

    /** The export document of {@code view}, exported at {@code exportedAt}. */
    public static void writeExport(CustomerView view, Instant exportedAt, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", EXPORT_FORMAT);
        g.writeNumberField("version", EXPORT_VERSION);
        JsonOut.instant(g, "exported_at", exportedAt);
        writeViewFields(view, g);
        g.writeEndObject();
    }

    private static void writeViewFields(CustomerView view, JsonGenerator g) throws IOException {
        g.writeFieldName("customer");
        CustomerCodec.writeCustomer(view.customer(), g);
        g.writeObjectFieldStart("interactions_by_channel");
        for (Map.Entry<Channel, Page<Interaction>> e : view.recent().entrySet()) {
            g.writeObjectFieldStart(EnumNames.of(e.getKey()));
            g.writeArrayFieldStart("interactions");
            for (Interaction i : e.getValue().items()) {
                InteractionCodec.writeInteraction(i, g);
            }
            g.writeEndArray();
            JsonOut.optionalString(g, "next_cursor", e.getValue().nextCursor());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeFieldName("figures");
        writeFigures(view.figures(), g);
    }
}
