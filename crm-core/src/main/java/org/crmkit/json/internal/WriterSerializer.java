package org.crmkit.json.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/** A Jackson serializer that hands the value to a codec's writer. Thread-safe. */
final class WriterSerializer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final transient CrmModule.Writer<T> writer;

    WriterSerializer(Class<T> type, CrmModule.Writer<T> writer) {
        super(type);
        this.writer = writer;
    }

    @Override
    public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        writer.write(value, generator);
    }
}
