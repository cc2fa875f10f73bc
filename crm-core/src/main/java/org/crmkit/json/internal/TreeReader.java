package org.crmkit.json.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.crmkit.json.JsonCodecException;

/**
 * Reads one JSON value from a parser into a tree, independently of the reading mapper's configuration: decimals are
 * kept exact ({@code BigDecimal}), a repeated member name is refused, and nesting is bounded by the parser's
 * {@code StreamReadConstraints} and, for values of bounded depth, by a {@link Nesting} limit. Stateless and
 * thread-safe.
 */
final class TreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private TreeReader() {
    }

    /**
     * How deep a value may nest, in objects and arrays (the value's own one counts as level 1), and why a deeper one
     * is refused.
     */
    record Nesting(int levels, String reason) {
        /** Only the parser's {@code StreamReadConstraints} bound the nesting. */
        static final Nesting UNBOUNDED = new Nesting(Integer.MAX_VALUE, "");
    }

    /**
     * Reads the value the parser is at (or the next one, if it is at none yet), refusing objects and arrays nested
     * deeper than {@code nesting} allows. Paths in failures are those of the parser's document; they are computed
     * only when something fails.
     */
    static JsonNode read(JsonParser parser, Nesting nesting) throws IOException {
        JsonToken token = parser.hasCurrentToken() ? parser.currentToken() : parser.nextToken();
        return value(parser, token, nesting, 0);
    }

    private static JsonNode value(JsonParser parser, JsonToken token, Nesting nesting, int level) throws IOException {
        if (token == null) {
            throw failure(parser, "unexpected end of input");
        }
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && level >= nesting.levels()) {
            throw failure(parser, nesting.reason());
        }
        switch (token) {
            case START_OBJECT:
                return object(parser, nesting, level + 1);
            case START_ARRAY:
                return array(parser, nesting, level + 1);
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(parser.getBigIntegerValue()) : NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return decimal(parser);
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw failure(parser, "unexpected token " + token);
        }
    }

    private static ObjectNode object(JsonParser parser, Nesting nesting, int level) throws IOException {
        ObjectNode node = NODES.objectNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                throw failure(parser, t == null ? "unexpected end of input" : "unexpected token " + t);
            }
            String name = parser.currentName();
            if (node.has(name)) {
                throw failure(parser, "appears twice");
            }
            node.set(name, value(parser, parser.nextToken(), nesting, level));
        }
        return node;
    }

    private static ArrayNode array(JsonParser parser, Nesting nesting, int level) throws IOException {
        ArrayNode node = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            node.add(value(parser, t, nesting, level));
        }
        return node;
    }

    private static JsonNode decimal(JsonParser parser) throws IOException {
        try {
            return NODES.numberNode(parser.getDecimalValue());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new JsonCodecException(JsonPaths.current(parser), "number out of range", e);
        }
    }

    private static JsonCodecException failure(JsonParser parser, String reason) {
        return new JsonCodecException(JsonPaths.current(parser), reason);
    }
}
