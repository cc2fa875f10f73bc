package org.crmkit.spi;

import static java.util.Objects.requireNonNull;

/** An operation named something (a customer, an interaction, …) that does not exist in the tenant. */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        this(kind, id, requireNonNull(kind, "kind") + " not found: " + requireNonNull(id, "id"));
    }

    /** For subclasses that say more precisely why the thing is not there. */
    protected NotFoundException(String kind, String id, String message) {
        super(requireNonNull(message, "message"));
        this.kind = requireNonNull(kind, "kind");
        this.id = requireNonNull(id, "id");
    }

    /** The kind of thing that was not found, e.g. {@code "customer"}. */
    public String kind() {
        return kind;
    }

    /** The identifier that was looked up. */
    public String id() {
        return id;
    }
}
