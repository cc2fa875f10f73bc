package org.crmkit.json;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.crmkit.customer.CustomerView;
import org.crmkit.json.internal.CrmModule;
import org.crmkit.json.internal.JacksonFailures;
import org.crmkit.json.internal.JsonPaths;
import org.crmkit.json.internal.ViewCodec;
import org.crmkit.spi.Checks;
import org.crmkit.spi.CrmException;
import org.crmkit.spi.event.EventCodec;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the crmkit model as JSON, in the stable format described in the {@linkplain org.crmkit.json
 * package documentation}, and exports a customer's 360° view as a data-portability document.
 *
 * <pre>{@code
 * CrmJson json = CrmJson.builder().prettyPrinting(true).clock(clock).build();
 * String text = json.write(customer);
 * Customer again = json.read(text, Customer.class);   // equals customer
 * String export = json.export360(crm.customers().view(tenant, id));
 * }</pre>
 *
 * <p>Output is deterministic: the same value gives the same bytes (fields in a fixed order, sets and maps sorted,
 * line feeds {@code \n} when pretty printing). Reading is strict and every failure is a {@link JsonCodecException}
 * naming the JSONPath of the offending value.
 *
 * <p>Immutable and thread-safe: the underlying {@code ObjectMapper} is configured once, in {@link Builder#build()},
 * and shared by all calls. Hosts with their own {@code ObjectMapper} register {@link #module()} instead.
 */
public final class CrmJson {
    private final ObjectMapper mapper;
    private final ObjectWriter writer;
    private final @Nullable Clock clock;

    private CrmJson(boolean prettyPrinting, @Nullable Clock clock) {
        this.mapper = JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.writer = prettyPrinting ? mapper.writer(prettyPrinter()) : mapper.writer();
        this.clock = clock;
    }

    /**
     * Domain events as JSON for a storage's outbox ({@link EventCodec}): {@link #write} and {@link #read} of
     * {@code DomainEvent}; a failure to read is a {@link JsonCodecException} naming the JSONPath at fault.
     */
    public EventCodec eventCodec() {
        return new JsonEventCodec(this);
    }

    /** A codec with compact output and no clock (so {@link #export360(CustomerView)} needs an explicit instant). */
    public static CrmJson create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The Jackson module with the serializers and deserializers of every model type, for a host's own
     * {@code ObjectMapper}. Through it, failures are {@link JsonCodecException}s too (Jackson may wrap one in its
     * own exception when the model value sits in a host type). A new module on every call.
     */
    public static Module module() {
        return CrmModule.create();
    }

    /**
     * The JSON of {@code value}: a model type in the documented format; any other value as Jackson writes it (with
     * model values inside it in the documented format, {@code java.time} values as ISO-8601 strings, map entries
     * sorted by key).
     *
     * @throws JsonCodecException if Jackson cannot write the value, or it holds a condition nested deeper than 64
     *                            {@code and}, {@code or}, {@code not}
     */
    public String write(Object value) {
        Checks.notNull(value, "value");
        try {
            return writer.writeValueAsString(value);
        } catch (JacksonException e) {
            throw JacksonFailures.wrap(e);
        }
    }

    /** {@link #write(Object)} as UTF-8 bytes. */
    public byte[] writeBytes(Object value) {
        Checks.notNull(value, "value");
        try {
            return writer.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw JacksonFailures.wrap(e);
        }
    }

    /**
     * Reads one value of {@code type}, a model type (an id, an enum, {@code Money}, {@code TypedValue},
     * {@code Customer}, {@code Interaction}, {@code DomainEvent}, {@code Condition}, {@code SegmentDefinition}, … or
     * a case of a sealed one), {@code CustomerFigures} or {@code Revenue}. The document must hold exactly that value;
     * the model's constructors validate it.
     *
     * @throws JsonCodecException if the text is not JSON, is nested deeper than 1000 levels (a condition: 64 nested
     *                            {@code and}, {@code or}, {@code not}), has a member of the wrong JSON type, a
     *                            missing or unknown field, or a value the model rejects; or if {@code type} is not
     *                            a model type
     */
    public <T> T read(String json, Class<T> type) {
        Checks.notNull(json, "json");
        checkReadable(type);
        try {
            return present(mapper.readValue(json, type));
        } catch (JacksonException e) {
            throw JacksonFailures.wrap(e);
        }
    }

    /** {@link #read(String, Class)} from UTF-8 (or UTF-16/32, detected) bytes. */
    public <T> T read(byte[] json, Class<T> type) {
        Checks.notNull(json, "json");
        checkReadable(type);
        try {
            return present(mapper.readValue(json, type));
        } catch (IOException e) {
            throw e instanceof JacksonException j ? JacksonFailures.wrap(j)
                    : new JsonCodecException(JsonPaths.ROOT, "unreadable", e);
        }
    }

    /**
     * The data-portability document of {@code view}, exported at the instant of the configured clock.
     *
     * @throws CrmException if the codec was built without a clock
     * @see #export360(CustomerView, Instant)
     */
    public String export360(CustomerView view) {
        if (clock == null) {
            throw new CrmException("no clock: build the codec with CrmJson.builder().clock(…) or pass the instant");
        }
        return export360(view, clock.instant());
    }

    /**
     * The data-portability document of {@code view}: {@code {"format":"crmkit.customer360","version":1,
     * "exported_at":…,"customer":{…},"interactions_by_channel":{"email":{"interactions":[…],"next_cursor":…},…},
     * "figures":{…}}}. Channels appear in {@link org.crmkit.spi.interaction.Channel} order, interactions newest
     * first; {@code next_cursor} is present when the channel has more interactions than the view holds.
     */
    public String export360(CustomerView view, Instant exportedAt) {
        Checks.notNull(view, "view");
        Checks.notNull(exportedAt, "exportedAt");
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = writer.createGenerator(out)) {
            ViewCodec.writeExport(view, exportedAt, generator);
        } catch (IOException e) {
            throw e instanceof JacksonException j ? JacksonFailures.wrap(j)
                    : new JsonCodecException(JsonPaths.ROOT, "cannot be written", e);
        }
        return out.toString();
    }

    private static void checkReadable(Class<?> type) {
        Checks.notNull(type, "type");
        if (!CrmModule.readableTypes().contains(type)) {
            throw new JsonCodecException(JsonPaths.ROOT, "cannot be read as " + type.getName()
                    + ", which is not a crmkit model type");
        }
    }

    private static <T> T present(@Nullable T value) {
        if (value == null) {
            throw new JsonCodecException(JsonPaths.ROOT, "must be a value, not null");
        }
        return value;
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    /** Configures a {@link CrmJson}. Not thread-safe; each setter checks its argument at once. */
    public static final class Builder {
        private boolean prettyPrinting;
        private @Nullable Clock clock;

        private Builder() {
        }

        /** Whether to indent the output (two spaces, {@code \n} line feeds); off by default. */
        public Builder prettyPrinting(boolean on) {
            this.prettyPrinting = on;
            return this;
        }

        /** The clock that stamps {@code exported_at} in {@link CrmJson#export360(CustomerView)}; none by default. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        public CrmJson build() {
            return new CrmJson(prettyPrinting, clock);
        }
    }
}
