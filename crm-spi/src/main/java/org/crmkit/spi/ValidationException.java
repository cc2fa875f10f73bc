package org.crmkit.spi;

import static java.util.Objects.requireNonNull;

/**
 * A value was rejected before anything was written. {@link #field()} names the offending field as a dotted path
 * (for example {@code contactPoints[1].email} or {@code attributes.birthday}) and {@link #reason()} says why.
 *
 * <p>The rejected value itself is deliberately not part of the message: it is often personal data
 * (an e-mail address, a phone number) and messages end up in logs.
 */
public class ValidationException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public ValidationException(String field, String reason) {
        super(requireNonNull(field, "field") + ": " + requireNonNull(reason, "reason"));
        this.field = field;
        this.reason = reason;
    }

    /** The offending field, as a dotted path. */
    public String field() {
        return field;
    }

    /** Why the value was rejected. */
    public String reason() {
        return reason;
    }

    /** The same failure, with {@code prefix.} prepended to the field path. */
    public ValidationException within(String prefix) {
        ValidationException nested = new ValidationException(prefix + "." + field, reason);
        nested.setStackTrace(getStackTrace());
        return nested;
    }
}
