package org.crmkit.json.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;

import org.crmkit.json.JsonCodecException;

/** Turns Jackson's exceptions into {@link JsonCodecException}s that name the JSONPath. Stateless. */
public final class JacksonFailures {
    private JacksonFailures() {
    }

    /** The failure {@code e} reports, at the path where it happened. */
    public static JsonCodecException wrap(JacksonException e) {
        if (e.getCause() instanceof JsonCodecException cause) {
            return cause;
        }
        return new JsonCodecException(pathOf(e), reasonOf(e), e);
    }

    private static String pathOf(JacksonException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String path = JsonPaths.ROOT;
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path = JsonPaths.field(path, r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path = JsonPaths.index(path, r.getIndex());
                }
            }
            return path;
        }
        if (e.getProcessor() instanceof JsonParser parser) {
            return JsonPaths.of(parser.getParsingContext());
        }
        return JsonPaths.ROOT;
    }

    private static String reasonOf(JacksonException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return "document exceeds a limit: " + message;
        }
        if (e instanceof StreamReadException) {
            return "malformed JSON: " + message;
        }
        return message;
    }
}
