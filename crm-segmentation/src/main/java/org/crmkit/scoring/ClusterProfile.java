package org.crmkit.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * One cluster of a {@link ClusterModel}: its size and its centre in the features' original units. Immutable and
 * thread-safe.
 *
 * @param index  the cluster's number, {@code 0..k-1}, as {@link ClusterModel#assign} returns it
 * @param size   how many of the fitted rows belong to it
 * @param centre the mean of its rows per feature, in the units the rows were given in, in feature order
 */
public record ClusterProfile(int index, int size, Map<String, Double> centre) {
    public ClusterProfile {
        Checks.nonNegative(index, "index");
        Checks.nonNegative(size, "size");
        Checks.notNull(centre, "centre");
        if (centre.isEmpty()) {
            throw new ValidationException("centre", "must not be empty");
        }
        centre = Collections.unmodifiableMap(new LinkedHashMap<>(centre));
    }

    /** The centre and size as text: {@code "cluster 2 (n=120): recency_days=12.3, frequency=4.1, monetary=230.0"}. */
    public String description() {
        StringJoiner values = new StringJoiner(", ", "cluster " + index + " (n=" + size + "): ", "");
        centre.forEach((name, value) -> values.add(name + "=" + String.format(Locale.ROOT, "%.1f", value)));
        return values.toString();
    }
}
