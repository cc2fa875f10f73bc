package org.crmkit.json.internal;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonGenerator;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.SegmentChange;
import org.crmkit.spi.segment.SegmentDefinition;

/**
 * JSON of segment definitions ({@code {"name":…,"condition":…}}, the condition as {@link ConditionCodec} writes it)
 * and segment changes ({@code {"kind":"entered","tenant":…,"segment":…,"customer":…,"at":…}}). Stateless.
 */
public final class SegmentCodec {
    private SegmentCodec() {
    }

    public static void writeDefinition(SegmentDefinition definition, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", definition.name());
        g.writeFieldName("condition");
        ConditionCodec.writeCondition(definition.condition(), g);
        g.writeEndObject();
    }

    public static SegmentDefinition readDefinition(JsonIn in) {
        in.object("name", "condition");
        String name = in.field("name").string();
        Condition condition = ConditionCodec.readCondition(in.field("condition"));
        return in.build(() -> new SegmentDefinition(name, condition));
    }

    public static void writeChange(SegmentChange change, JsonGenerator g) throws IOException {
        g.writeStartObject();
        JsonOut.constant(g, "kind", change.kind());
        g.writeStringField("tenant", change.tenant().value());
        g.writeStringField("segment", change.segment());
        g.writeStringField("customer", change.customer().value());
        JsonOut.instant(g, "at", change.at());
        g.writeEndObject();
    }

    public static SegmentChange readChange(JsonIn in) {
        in.object("kind", "tenant", "segment", "customer", "at");
        SegmentChange.Kind kind = in.field("kind").constant(SegmentChange.Kind.class);
        TenantId tenant = in.field("tenant").string(TenantId::of);
        String segment = in.field("segment").string();
        CustomerId customer = in.field("customer").string(CustomerId::of);
        Instant at = in.field("at").instant();
        return in.build(() -> new SegmentChange(kind, tenant, segment, customer, at));
    }
}
