package org.crmkit.segmentation.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.segment.AddressCountryIn;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.PostalCodeStartsWith;
import org.crmkit.spi.segment.WithinDistance;
import org.jspecify.annotations.Nullable;

/** Compiles the geography conditions: country, postal-code prefix and distance. Stateless. */
final class GeoTests {
    private GeoTests() {
    }

    /** The test of {@code c}, an {@link AddressCountryIn}, {@link PostalCodeStartsWith} or {@link WithinDistance}. */
    static Test compile(Condition c) {
        if (c instanceof AddressCountryIn in) {
            Set<String> countries = in.countries();
            return (s, w) -> {
                PostalAddress a = mainAddress(s.customer);
                return a != null && countries.contains(a.country());
            };
        } else if (c instanceof PostalCodeStartsWith p) {
            String prefix = p.prefix().toUpperCase(Locale.ROOT);
            return (s, w) -> {
                PostalAddress a = mainAddress(s.customer);
                return a != null && a.postalCode().toUpperCase(Locale.ROOT).startsWith(prefix);
            };
        }
        WithinDistance d = (WithinDistance) c;
        double lat = Math.toRadians(d.centreLatitude().doubleValue());
        double lon = Math.toRadians(d.centreLongitude().doubleValue());
        double km = d.kilometres().doubleValue();
        return (s, w) -> {
            if (!(s.attribute(d.latitude()) instanceof TypedValue.Number y)
                    || !(s.attribute(d.longitude()) instanceof TypedValue.Number x)) {
                return false;
            }
            double la = y.value().doubleValue();
            double lo = x.value().doubleValue();
            return Math.abs(la) <= 90 && Math.abs(lo) <= 180
                    && haversine(Math.toRadians(la), Math.toRadians(lo), lat, lon) <= km;
        };
    }

    /** The primary postal address, else the first; null if none. */
    static @Nullable PostalAddress mainAddress(Customer customer) {
        List<ContactPoint> postal = customer.contactPoints(ContactKind.POSTAL);
        for (ContactPoint p : postal) {
            if (p.primary()) {
                return (PostalAddress) p.value();
            }
        }
        return postal.isEmpty() ? null : (PostalAddress) postal.get(0).value();
    }

    /** The great-circle distance in kilometres between two points given in radians. */
    private static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.sin((lat2 - lat1) / 2);
        double dLon = Math.sin((lon2 - lon1) / 2);
        double h = dLat * dLat + Math.cos(lat1) * Math.cos(lat2) * dLon * dLon;
        return 2 * WithinDistance.EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
