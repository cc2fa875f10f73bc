package org.crmkit.jpa.internal;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;

/** The cursors of pages in customer-id order: the last id of the page. */
final class Cursors {
    private Cursors() {
    }

    /** The id a cursor holds. @throws ValidationException naming {@code after} if it holds none */
    static String customerId(String after) {
        try {
            return CustomerId.of(after).value();
        } catch (ValidationException e) {
            throw new ValidationException("after", "is not a cursor of this store");
        }
    }
}
