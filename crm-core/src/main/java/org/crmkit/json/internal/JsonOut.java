package org.crmkit.json.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writing helpers shared by the codecs: instants as ISO-8601 UTC strings, enum constants in lower case, empty
 * optionals omitted. Stateless.
 */
final class JsonOut {
    private JsonOut() {
    }

    static void instant(JsonGenerator g, String name, Instant value) throws IOException {
        g.writeStringField(name, value.toString());
    }

    static void constant(JsonGenerator g, String name, Enum<?> value) throws IOException {
        g.writeStringField(name, EnumNames.of(value));
    }

    static void optionalString(JsonGenerator g, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(name, value.get());
        }
    }

    static void optionalInstant(JsonGenerator g, String name, Optional<Instant> value) throws IOException {
        if (value.isPresent()) {
            instant(g, name, value.get());
        }
    }
}
