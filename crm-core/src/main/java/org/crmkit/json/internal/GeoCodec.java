package org.crmkit.json.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonGenerator;

import org.crmkit.spi.segment.AddressCountryIn;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.PostalCodeStartsWith;
import org.crmkit.spi.segment.WithinDistance;

/**
 * JSON of the geography conditions, for {@link ConditionCodec}: {@code address_country_in} ({@code countries});
 * {@code postal_code_starts_with} ({@code prefix}); {@code within_distance} ({@code latitude}, {@code longitude},
 * {@code centre_latitude}, {@code centre_longitude}, {@code kilometres}, the last three JSON numbers). Stateless.
 */
final class GeoCodec {
    private GeoCodec() {
    }

    /** The {@code "type"} of {@code c}, if it is one of these conditions. */
    static Optional<String> typeOf(Condition c) {
        if (c instanceof AddressCountryIn) {
            return Optional.of("address_country_in");
        } else if (c instanceof PostalCodeStartsWith) {
            return Optional.of("postal_code_starts_with");
        }
        return c instanceof WithinDistance ? Optional.of("within_distance") : Optional.empty();
    }

    /** Writes the fields of {@code c} after its type. */
    static void write(Condition c, JsonGenerator g) throws IOException {
        if (c instanceof AddressCountryIn a) {
            g.writeArrayFieldStart("countries");
            for (String country : a.countries()) {
                g.writeString(country);
            }
            g.writeEndArray();
        } else if (c instanceof PostalCodeStartsWith p) {
            g.writeStringField("prefix", p.prefix());
        } else {
            WithinDistance d = (WithinDistance) c;
            g.writeStringField("latitude", d.latitude());
            g.writeStringField("longitude", d.longitude());
            g.writeFieldName("centre_latitude");
            g.writeNumber(d.centreLatitude().toPlainString());
            g.writeFieldName("centre_longitude");
            g.writeNumber(d.centreLongitude().toPlainString());
            g.writeFieldName("kilometres");
            g.writeNumber(d.kilometres().toPlainString());
        }
    }

    /** Reads a condition of {@code type}, one of {@link #typeOf}'s. */
    static Condition read(String type, JsonIn in) {
        if (type.equals("address_country_in")) {
            TreeSet<String> countries = new TreeSet<>();
            for (JsonIn country : in.object("type", "countries").field("countries").elements()) {
                countries.add(country.string());
            }
            return in.build(() -> new AddressCountryIn(countries));
        } else if (type.equals("postal_code_starts_with")) {
            return in.object("type", "prefix").field("prefix").string(PostalCodeStartsWith::new);
        }
        in.object("type", "latitude", "longitude", "centre_latitude", "centre_longitude", "kilometres");
        String latitude = in.field("latitude").string();
        String longitude = in.field("longitude").string();
        BigDecimal centreLatitude = in.field("centre_latitude").number();
        BigDecimal centreLongitude = in.field("centre_longitude").number();
        BigDecimal kilometres = in.field("kilometres").number();
        return in.build(() -> new WithinDistance(latitude, longitude, centreLatitude, centreLongitude, kilometres));
    }
}
