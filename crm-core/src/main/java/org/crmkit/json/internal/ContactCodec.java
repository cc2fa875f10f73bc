package org.crmkit.json.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;

import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.DeviceToken;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.customer.SocialHandle;

/**
 * JSON of contact values and contact points. A contact value carries its kind: {@code email} ({@code address}),
 * {@code phone} ({@code e164}), {@code postal} ({@code lines}, {@code postal_code}, {@code locality}, optional
 * {@code region}, {@code country}), {@code social} ({@code network}, {@code handle}) or {@code device}
 * ({@code platform}, {@code token}). Stateless.
 */
public final class ContactCodec {
    private ContactCodec() {
    }

    public static void writeContactValue(ContactValue value, JsonGenerator g) throws IOException {
        g.writeStartObject();
        JsonOut.constant(g, "kind", value.kind());
        if (value instanceof EmailAddress e) {
            g.writeStringField("address", e.address());
        } else if (value instanceof PhoneNumber p) {
            g.writeStringField("e164", p.e164());
        } else if (value instanceof PostalAddress a) {
            g.writeArrayFieldStart("lines");
            for (String line : a.lines()) {
                g.writeString(line);
            }
            g.writeEndArray();
            g.writeStringField("postal_code", a.postalCode());
            g.writeStringField("locality", a.locality());
            JsonOut.optionalString(g, "region", a.region());
            g.writeStringField("country", a.country());
        } else if (value instanceof SocialHandle s) {
            g.writeStringField("network", s.network());
            g.writeStringField("handle", s.handle());
        } else {
            DeviceToken d = (DeviceToken) value;
            g.writeStringField("platform", d.platform());
            g.writeStringField("token", d.token());
        }
        g.writeEndObject();
    }

    public static ContactValue readContactValue(JsonIn in) {
        JsonIn kindIn = in.field("kind");
        return switch (kindIn.string()) {
            case "email" -> in.object("kind", "address").field("address").string(EmailAddress::new);
            case "phone" -> in.object("kind", "e164").field("e164").string(PhoneNumber::new);
            case "postal" -> readPostal(in.object("kind", "lines", "postal_code", "locality", "region", "country"));
            case "social" -> {
                in.object("kind", "network", "handle");
                String network = in.field("network").string();
                String handle = in.field("handle").string();
                yield in.build(() -> new SocialHandle(network, handle));
            }
            case "device" -> {
                in.object("kind", "platform", "token");
                String platform = in.field("platform").string();
                String token = in.field("token").string();
                yield in.build(() -> new DeviceToken(platform, token));
            }
            default -> throw kindIn.fail("must be one of email, phone, postal, social, device");
        };
    }

    private static PostalAddress readPostal(JsonIn in) {
        List<String> lines = new ArrayList<>();
        for (JsonIn line : in.field("lines").elements()) {
            lines.add(line.string());
        }
        String postalCode = in.field("postal_code").string();
        String locality = in.field("locality").string();
        Optional<String> region = in.optional("region").map(JsonIn::string);
        String country = in.field("country").string();
        return in.build(() -> new PostalAddress(lines, postalCode, locality, region, country));
    }

    public static void writeContactPoint(ContactPoint point, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeFieldName("value");
        writeContactValue(point.value(), g);
        JsonOut.constant(g, "usage", point.usage());
        g.writeBooleanField("primary", point.primary());
        g.writeBooleanField("verified", point.verified());
        g.writeEndObject();
    }

    public static ContactPoint readContactPoint(JsonIn in) {
        in.object("value", "usage", "primary", "verified");
        ContactValue value = readContactValue(in.field("value"));
        ContactUsage usage = in.field("usage").constant(ContactUsage.class);
        boolean primary = in.field("primary").bool();
        boolean verified = in.field("verified").bool();
        return in.build(() -> new ContactPoint(value, usage, primary, verified));
    }
}
