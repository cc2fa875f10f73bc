package org.crmkit.spi.segment;

import java.math.BigDecimal;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * The customer's position, read from two number attributes in decimal degrees, lies within {@code kilometres} of a
 * centre (both ends included). The distance is the great-circle distance by the haversine formula on a sphere of
 * radius {@value #EARTH_RADIUS_KM} km (the mean Earth radius), computed in {@code double}. A missing attribute, or a
 * latitude outside -90..90 or a longitude outside -180..180, makes the condition false. Immutable and thread-safe.
 *
 * @param latitude        the attribute holding the latitude
 * @param longitude       the attribute holding the longitude
 * @param centreLatitude  -90 to 90
 * @param centreLongitude -180 to 180
 * @param kilometres      more than 0, at most 20,040 (half the equator)
 */
public record WithinDistance(String latitude, String longitude, BigDecimal centreLatitude,
                             BigDecimal centreLongitude, BigDecimal kilometres) implements Condition {
    /** The mean Earth radius, in kilometres. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    public WithinDistance {
        Checks.snake(latitude, "attribute", 64);
        Checks.snake(longitude, "attribute", 64);
        centreLatitude = bounded(centreLatitude, "distance.centreLatitude", 90);
        centreLongitude = bounded(centreLongitude, "distance.centreLongitude", 180);
        kilometres = number(kilometres, "distance.kilometres");
        if (kilometres.signum() <= 0 || kilometres.compareTo(BigDecimal.valueOf(20_040)) > 0) {
            throw new ValidationException("distance.kilometres", "must be more than 0 and at most 20040");
        }
    }

    private static BigDecimal bounded(BigDecimal degrees, String field, int limit) {
        BigDecimal d = number(degrees, field);
        if (d.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw new ValidationException(field, "must be -" + limit + " to " + limit);
        }
        return d;
    }

    private static BigDecimal number(BigDecimal value, String field) {
        Checks.notNull(value, field);
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
