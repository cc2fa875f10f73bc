package org.crmkit.examples.analytics;

import org.crmkit.spi.CrmException;

/** A purchase log that cannot be read: names the line (1 is the header) and what is wrong with it. */
public final class PurchaseLogException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final long line;

    public PurchaseLogException(long line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
