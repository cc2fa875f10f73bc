package org.crmkit.json.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * A Jackson deserializer that reads the value into an exact tree (see {@link TreeReader}), nested at most as deep as
 * its {@link TreeReader.Nesting} allows, and hands it to a codec's reader, with the JSONPath of the value for error
 * messages. Failures are {@link org.crmkit.json.JsonCodecException}s. Thread-safe.
 */
final class ReaderDeserializer<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;

    private final transient CrmModule.Reader<T> reader;
    private final transient TreeReader.Nesting nesting;

    ReaderDeserializer(Class<T> type, CrmModule.Reader<T> reader, TreeReader.Nesting nesting) {
        super(type);
        this.reader = reader;
        this.nesting = nesting;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String path = JsonPaths.current(parser);
        return reader.read(new JsonIn(TreeReader.read(parser, nesting), path));
    }
}
