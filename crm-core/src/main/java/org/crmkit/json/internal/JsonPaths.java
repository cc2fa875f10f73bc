package org.crmkit.json.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

/** Builds JSONPath strings ({@code $.a[1].b}, {@code $['odd key']}) for error messages. Stateless. */
public final class JsonPaths {
    /** The path of the document itself. */
    public static final String ROOT = "$";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_NAME = 64;

    private JsonPaths() {
    }

    /** The path of member {@code name} of the object at {@code parent}. */
    public static String field(String parent, String name) {
        if (PLAIN.matcher(name).matches() && name.length() <= MAX_NAME) {
            return parent + "." + name;
        }
        String shown = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" : name;
        StringBuilder b = new StringBuilder(parent).append("['");
        shown.codePoints().forEach(c -> {
            if (c == '\'' || c == '\\') {
                b.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append("']").toString();
    }

    /** The path of element {@code index} of the array at {@code parent}. */
    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path of the value the parser is at (the container itself when it is at a start token). */
    public static String current(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        JsonToken token = parser.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
            context = context.getParent();
        }
        return of(context);
    }

    /** The path of the value a parsing context is at. */
    public static String of(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        String path = ROOT;
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path = index(path, Math.max(c.getCurrentIndex(), 0));
            } else if (c.getCurrentName() != null) {
                path = field(path, c.getCurrentName());
            }
        }
        return path;
    }
}
