package org.crmkit.spi;

import static java.util.Objects.requireNonNull;

/** An optional capability was asked of an implementation that does not offer it. Nothing was changed. */
public class UnsupportedCapabilityException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String capability;

    public UnsupportedCapabilityException(String capability) {
        super("capability not supported: " + requireNonNull(capability, "capability"));
        this.capability = capability;
    }

    public String capability() {
        return capability;
    }
}
