package org.crmkit.spi.customer;

import java.util.Collections;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.Checks;

/**
 * The custom attributes a host has defined. Writes of customer attributes are validated against it: an unknown name
 * or a value of the wrong type is refused. Immutable and thread-safe; {@link #with(AttributeDefinition)} returns a new
 * schema.
 */
public final class AttributeSchema {
    private static final AttributeSchema EMPTY = new AttributeSchema(new TreeMap<>());

    private final SortedMap<String, AttributeDefinition> definitions;

    private AttributeSchema(SortedMap<String, AttributeDefinition> definitions) {
        this.definitions = Collections.unmodifiableSortedMap(definitions);
    }

    /** The schema without attributes: every custom attribute is refused. */
    public static AttributeSchema empty() {
        return EMPTY;
    }

    /** A schema of {@code definitions}; names must be distinct. */
    public static AttributeSchema of(AttributeDefinition... definitions) {
        AttributeSchema schema = EMPTY;
        for (AttributeDefinition d : definitions) {
            schema = schema.with(d);
        }
        return schema;
    }

    /**
     * This schema plus {@code definition}.
     *
     * @throws ValidationException if an attribute of that name is already defined
     */
    public AttributeSchema with(AttributeDefinition definition) {
        Checks.notNull(definition, "definition");
        if (definitions.containsKey(definition.name())) {
            throw new ValidationException("attribute.name", "'" + definition.name() + "' is already defined");
        }
        TreeMap<String, AttributeDefinition> copy = new TreeMap<>(definitions);
        copy.put(definition.name(), definition);
        return new AttributeSchema(copy);
    }

    public Optional<AttributeDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /** Every definition, ordered by name. */
    public Collection<AttributeDefinition> definitions() {
        return definitions.values();
    }

    /**
     * Checks every attribute of {@code attributes}.
     *
     * @throws ValidationException naming {@code attributes.<name>} for the first (by name) unknown attribute or
     *                             ill-typed value
     */
    public void validate(Map<String, TypedValue> attributes) {
        Checks.notNull(attributes, "attributes");
        for (Map.Entry<String, TypedValue> e : new TreeMap<>(attributes).entrySet()) {
            AttributeDefinition d = definitions.get(e.getKey());
            if (d == null) {
                throw new ValidationException("attributes." + e.getKey(), "is not defined in the attribute schema");
            }
            d.check(e.getValue());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeSchema other && definitions.equals(other.definitions);
    }

    @Override
    public int hashCode() {
        return definitions.hashCode();
    }

    @Override
    public String toString() {
        return "AttributeSchema" + definitions.values();
    }
}
