package org.crmkit.json.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonGenerator;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.customer.Organization;
import org.crmkit.spi.customer.Party;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.StageTransition;

/**
 * JSON of customers and their parts: parties (kind {@code person} or {@code organization}), identities, stage
 * transitions, customers and merge records. Sets and maps are written sorted; a set may not repeat an element.
 * Stateless.
 */
public final class CustomerCodec {
    private CustomerCodec() {
    }

    public static void writeParty(Party party, JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (party instanceof Person p) {
            g.writeStringField("kind", "person");
            g.writeStringField("given_name", p.givenName());
            g.writeStringField("family_name", p.familyName());
            if (p.organization().isPresent()) {
                g.writeStringField("organization", p.organization().get().value());
            }
            JsonOut.optionalString(g, "job_title", p.jobTitle());
        } else {
            Organization o = (Organization) party;
            g.writeStringField("kind", "organization");
            g.writeStringField("name", o.name());
            JsonOut.optionalString(g, "registration_number", o.registrationNumber());
        }
        g.writeEndObject();
    }

    public static Party readParty(JsonIn in) {
        JsonIn kindIn = in.field("kind");
        switch (kindIn.string()) {
            case "person" -> {
                in.object("kind", "given_name", "family_name", "organization", "job_title");
                String given = in.field("given_name").string();
                String family = in.field("family_name").string();
                Optional<CustomerId> organization = in.optional("organization").map(o -> o.string(CustomerId::of));
                Optional<String> jobTitle = in.optional("job_title").map(JsonIn::string);
                return in.build(() -> new Person(given, family, organization, jobTitle));
            }
            case "organization" -> {
                in.object("kind", "name", "registration_number");
                String name = in.field("name").string();
                Optional<String> registration = in.optional("registration_number").map(JsonIn::string);
                return in.build(() -> new Organization(name, registration));
            }
            default -> throw kindIn.fail("must be one of person, organization");
        }
    }

    public static void writeIdentity(ExternalIdentity identity, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("system", identity.system());
        g.writeStringField("value", identity.value());
        g.writeEndObject();
    }

    public static ExternalIdentity readIdentity(JsonIn in) {
        in.object("system", "value");
        String system = in.field("system").string();
        String value = in.field("value").string();
        return in.build(() -> new ExternalIdentity(system, value));
    }

    public static void writeTransition(StageTransition transition, JsonGenerator g) throws IOException {
        g.writeStartObject();
        JsonOut.constant(g, "stage", transition.stage());
        JsonOut.instant(g, "at", transition.at());
        g.writeEndObject();
    }

    public static StageTransition readTransition(JsonIn in) {
        in.object("stage", "at");
        return new StageTransition(in.field("stage").constant(LifecycleStage.class), in.field("at").instant());
    }

    public static void writeCustomer(Customer c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("tenant", c.tenant().value());
        g.writeStringField("id", c.id().value());
        g.writeNumberField("version", c.version());
        g.writeFieldName("party");
        writeParty(c.party(), g);
        g.writeArrayFieldStart("stage_history");
        for (StageTransition t : c.stageHistory()) {
            writeTransition(t, g);
        }
        g.writeEndArray();
        JsonOut.optionalString(g, "owner", c.owner());
        g.writeArrayFieldStart("tags");
        for (String tag : c.tags()) {
            g.writeString(tag);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("contact_points");
        for (ContactPoint p : c.contactPoints()) {
            ContactCodec.writeContactPoint(p, g);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("identities");
        for (ExternalIdentity i : c.identities()) {
            writeIdentity(i, g);
        }
        g.writeEndArray();
        ValueCodec.writeTypedValues("attributes", c.attributes(), g);
        JsonOut.instant(g, "created_at", c.createdAt());
        JsonOut.instant(g, "updated_at", c.updatedAt());
        g.writeEndObject();
    }

    public static Customer readCustomer(JsonIn in) {
        in.object("tenant", "id", "version", "party", "stage_history", "owner", "tags", "contact_points",
                "identities", "attributes", "created_at", "updated_at");
        TenantId tenant = in.field("tenant").string(TenantId::of);
        CustomerId id = in.field("id").string(CustomerId::of);
        long version = in.field("version").longValue();
        Party party = readParty(in.field("party"));
        List<StageTransition> history = new ArrayList<>();
        for (JsonIn t : in.field("stage_history").elements()) {
            history.add(readTransition(t));
        }
        Optional<String> owner = in.optional("owner").map(JsonIn::string);
        SortedSet<String> tags = new TreeSet<>();
        for (JsonIn t : in.field("tags").elements()) {
            if (!tags.add(t.string())) {
                throw t.fail("repeats an earlier tag");
            }
        }
        List<ContactPoint> points = new ArrayList<>();
        for (JsonIn p : in.field("contact_points").elements()) {
            points.add(ContactCodec.readContactPoint(p));
        }
        SortedSet<ExternalIdentity> identities = new TreeSet<>();
        for (JsonIn i : in.field("identities").elements()) {
            if (!identities.add(readIdentity(i))) {
                throw i.fail("repeats an earlier identity");
            }
        }
        SortedMap<String, TypedValue> attributes = typedValues(in.field("attributes"));
        Instant createdAt = in.field("created_at").instant();
        Instant updatedAt = in.field("updated_at").instant();
        return in.build(() -> new Customer(tenant, id, version, party, history, owner, tags, points, identities,
                attributes, createdAt, updatedAt));
    }

    /** A JSON object of typed values by name, sorted by name. */
    static SortedMap<String, TypedValue> typedValues(JsonIn in) {
        SortedMap<String, TypedValue> values = new TreeMap<>();
        for (Map.Entry<String, JsonIn> e : in.members()) {
            values.put(e.getKey(), ValueCodec.readTypedValue(e.getValue()));
        }
        return values;
    }

    public static void writeMergeRecord(MergeRecord r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("tenant", r.tenant().value());
        g.writeStringField("survivor", r.survivor().value());
        g.writeStringField("merged", r.merged().value());
        JsonOut.instant(g, "at", r.at());
        g.writeFieldName("merged_snapshot");
        writeCustomer(r.mergedSnapshot(), g);
        g.writeObjectFieldStart("field_origins");
        for (Map.Entry<String, CustomerId> e : r.fieldOrigins().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue().value());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    public static MergeRecord readMergeRecord(JsonIn in) {
        in.object("tenant", "survivor", "merged", "at", "merged_snapshot", "field_origins");
        TenantId tenant = in.field("tenant").string(TenantId::of);
        CustomerId survivor = in.field("survivor").string(CustomerId::of);
        CustomerId merged = in.field("merged").string(CustomerId::of);
        Instant at = in.field("at").instant();
        Customer snapshot = readCustomer(in.field("merged_snapshot"));
        SortedMap<String, CustomerId> origins = new TreeMap<>();
        for (Map.Entry<String, JsonIn> e : in.field("field_origins").members()) {
            origins.put(e.getKey(), e.getValue().string(CustomerId::of));
        }
        return in.build(() -> new MergeRecord(tenant, survivor, merged, at, snapshot, origins));
    }
}
