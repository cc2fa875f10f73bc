package org.crmkit.spi;

import static java.util.Objects.requireNonNull;

/**
 * A write would give a unique key to a second owner: a customer id that already exists, or an external identity
 * already held by another customer of the same tenant. Nothing was written.
 */
public class DuplicateKeyException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String heldBy;

    public DuplicateKeyException(String key, String heldBy) {
        super(requireNonNull(key, "key") + " is already held by " + requireNonNull(heldBy, "heldBy"));
        this.key = key;
        this.heldBy = heldBy;
    }

    /** The key in conflict, e.g. {@code customer c-1} or {@code identity erp:4711}. */
    public String key() {
        return key;
    }

    /** Who holds the key already (a customer id). */
    public String heldBy() {
        return heldBy;
    }
}
