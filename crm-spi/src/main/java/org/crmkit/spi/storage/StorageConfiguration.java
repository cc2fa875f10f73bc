package org.crmkit.spi.storage;

import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * What a {@link StorageProvider} opens a storage with: the host's properties (a JDBC URL, a pool size, …, named by
 * the provider's documentation) and the engine's clock. Immutable and thread-safe.
 *
 * @param properties the properties, by name: a name is 1 to 128 characters of ASCII letters, digits and
 *                   {@code . _ : -}; a value is at most 4,096 characters
 * @param clock      the clock of the engine that opens the storage, for the instants the storage stamps itself
 */
public record StorageConfiguration(SortedMap<String, String> properties, Clock clock) {
    public StorageConfiguration {
        Checks.notNull(properties, "properties");
        TreeMap<String, String> copy = new TreeMap<>();
        properties.forEach((name, value) -> {
            Checks.token(name, "properties", 128);
            copy.put(name, Checks.bounded(Checks.notNull(value, "properties." + name), "properties." + name, 4096));
        });
        properties = Collections.unmodifiableSortedMap(copy);
        Checks.notNull(clock, "clock");
    }

    /** A configuration of these properties and the clock. */
    public static StorageConfiguration of(Map<String, String> properties, Clock clock) {
        return new StorageConfiguration(new TreeMap<>(Checks.notNull(properties, "properties")), clock);
    }

    /** The property's value, if set. */
    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(Checks.notNull(name, "name")));
    }

    /**
     * The property's value.
     *
     * @throws ValidationException naming the property if it is not set
     */
    public String require(String name) {
        return property(name).orElseThrow(() -> new ValidationException(name, "must be set"));
    }
}
