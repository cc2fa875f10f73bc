package org.crmkit.json.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.crmkit.json.JsonCodecException;
import org.crmkit.spi.ValidationException;

/**
 * A value of a JSON tree together with its path, read strictly: every accessor checks the JSON type and fails with a
 * {@link JsonCodecException} naming the path. Immutable; thread-safe as long as the tree is not changed.
 */
public final class JsonIn {
    private final JsonNode node;
    private final String path;

    JsonIn(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The path of this value. */
    public String path() {
        return path;
    }

    /** A failure at this value. */
    public JsonCodecException fail(String reason) {
        return new JsonCodecException(path, reason);
    }

    /** Checks that this is an object with no members but {@code names}; returns this. */
    public JsonIn object(String... names) {
        requireType(node.isObject(), "an object");
        List<String> allowed = Arrays.asList(names);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new JsonCodecException(JsonPaths.field(path, name), "unknown field (expected one of "
                        + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    /** The required member {@code name} of this object. */
    public JsonIn field(String name) {
        return optional(name).orElseThrow(() -> new JsonCodecException(JsonPaths.field(path, name), "missing"));
    }

    /** The member {@code name} of this object, if present. */
    public Optional<JsonIn> optional(String name) {
        requireType(node.isObject(), "an object");
        JsonNode value = node.get(name);
        return value == null ? Optional.empty() : Optional.of(new JsonIn(value, JsonPaths.field(path, name)));
    }

    /** The elements of this array, in order. */
    public List<JsonIn> elements() {
        requireType(node.isArray(), "an array");
        List<JsonIn> result = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            result.add(new JsonIn(node.get(i), JsonPaths.index(path, i)));
        }
        return result;
    }

    /** The members of this object, in document order; names are arbitrary (a map). */
    public List<Map.Entry<String, JsonIn>> members() {
        requireType(node.isObject(), "an object");
        List<Map.Entry<String, JsonIn>> result = new ArrayList<>(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            result.add(Map.entry(e.getKey(), new JsonIn(e.getValue(), JsonPaths.field(path, e.getKey()))));
        }
        return result;
    }

    public String string() {
        requireType(node.isTextual(), "a string");
        return node.textValue();
    }

    public boolean bool() {
        requireType(node.isBoolean(), "a boolean");
        return node.booleanValue();
    }

    public long longValue() {
        requireType(node.isIntegralNumber(), "an integer");
        if (!node.canConvertToLong()) {
            throw fail("integer out of range");
        }
        return node.longValue();
    }

    public int intValue() {
        long value = longValue();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw fail("integer out of range");
        }
        return (int) value;
    }

    /** A JSON number, exactly. */
    public BigDecimal number() {
        requireType(node.isNumber(), "a number");
        return node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
    }

    /** A string turned into a model value by {@code factory}; a rejection is reported at this path. */
    public <T> T string(Function<String, T> factory) {
        String text = string();
        return build(() -> factory.apply(text));
    }

    /**
     * Builds a model value. A {@link ValidationException} is reported with its field, at the path of the member the
     * field names when this object has it ({@code externalId} → {@code $.external_id},
     * {@code stageHistory[1]} → {@code $.stage_history[1]}; {@code score.name} → {@code $.score} when that member is
     * a string), else at this value's path.
     */
    public <T> T build(Supplier<T> factory) {
        try {
            return factory.get();
        } catch (ValidationException e) {
            throw JsonCodecException.invalid(pathOf(e.field()), e);
        }
    }

    private String pathOf(String field) {
        int end = 0;
        while (end < field.length() && field.charAt(end) != '.' && field.charAt(end) != '[') {
            end++;
        }
        StringBuilder member = new StringBuilder();
        for (int i = 0; i < end; i++) {
            char c = field.charAt(i);
            if (Character.isUpperCase(c)) {
                member.append('_').append(Character.toLowerCase(c));
            } else {
                member.append(c);
            }
        }
        String name = member.toString();
        if (!node.isObject() || !node.has(name)) {
            return path;
        }
        JsonNode value = node.get(name);
        String rest = value.isContainerNode() ? field.substring(end) : "";
        return JsonPaths.field(path, name) + rest;
    }

    /** An ISO-8601 instant such as {@code 2026-01-01T00:00:00Z}. */
    public Instant instant() {
        String text = string();
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw fail("must be an ISO-8601 instant in UTC such as 2026-01-01T00:00:00Z");
        }
    }

    /** An ISO-8601 date such as {@code 2026-01-31}. */
    public LocalDate date() {
        String text = string();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw fail("must be an ISO-8601 date such as 2026-01-31");
        }
    }

    /** A constant of {@code type}, written as its lower-case name. */
    public <E extends Enum<E>> E constant(Class<E> type) {
        String text = string();
        for (E constant : type.getEnumConstants()) {
            if (EnumNames.of(constant).equals(text)) {
                return constant;
            }
        }
        throw fail("must be one of " + Arrays.stream(type.getEnumConstants()).map(EnumNames::of)
                .collect(Collectors.joining(", ")));
    }

    private void requireType(boolean matches, String expected) {
        if (!matches) {
            throw fail("must be " + expected + ", not " + describe(node));
        }
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            case BINARY -> "binary data";
        };
    }
}
