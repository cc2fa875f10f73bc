package org.crmkit.json;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.crmkit.spi.CrmException;
import org.crmkit.spi.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A JSON document could not be read (or a value could not be written) by {@link CrmJson}: malformed JSON, a value of
 * the wrong JSON type, a missing or unknown field, a document nested too deeply, or a value the model rejects.
 * {@link #path()} locates the offending value as a JSONPath ({@code $.contact_points[1].value.address}) and
 * {@link #reason()} says why. When the model's own validation rejected the value, {@link #field()} names the field
 * of the {@link ValidationException} (and the exception is the cause).
 *
 * <p>Like {@link ValidationException}, the message does not repeat the rejected value: it is often personal data.
 */
public class JsonCodecException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;
    private final @Nullable String field;

    public JsonCodecException(String path, String reason) {
        this(path, reason, null, null);
    }

    public JsonCodecException(String path, String reason, Throwable cause) {
        this(path, reason, null, requireNonNull(cause, "cause"));
    }

    private JsonCodecException(String path, String reason, @Nullable String field, @Nullable Throwable cause) {
        super(requireNonNull(path, "path") + ": " + requireNonNull(reason, "reason"), cause);
        this.path = path;
        this.reason = reason;
        this.field = field;
    }

    /** The model rejected the value at {@code path}; the field and reason are those of {@code cause}. */
    public static JsonCodecException invalid(String path, ValidationException cause) {
        requireNonNull(cause, "cause");
        return new JsonCodecException(path, "invalid " + cause.field() + ": " + cause.reason(), cause.field(),
                cause);
    }

    /** Where in the document the failure is, as a JSONPath starting at {@code $}. */
    public String path() {
        return path;
    }

    /** Why the value was refused. */
    public String reason() {
        return reason;
    }

    /** The model field that rejected the value, when the model's validation failed. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
