package org.crmkit.spi;

import static java.util.Objects.requireNonNull;

/** An operation named something (a customer, an interaction, …) that does not exist in the tenant. */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super(requireNonNull(kind, "kind") + " not found: " + requireNonNull(id, "id"));
        this.kind = kind;
        this.id = id;
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
