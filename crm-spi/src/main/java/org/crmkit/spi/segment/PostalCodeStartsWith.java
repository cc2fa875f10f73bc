package org.crmkit.spi.segment;

import org.crmkit.spi.Checks;

/**
 * The postal code of the customer's main postal address (as for {@link AddressCountryIn}) starts with
 * {@code prefix}, both upper-cased with {@link String#toUpperCase(java.util.Locale)} in
 * {@link java.util.Locale#ROOT} (spaces count). A customer without a main address does not match. Immutable and
 * thread-safe.
 *
 * @param prefix 1 to 16 characters on one line
 */
public record PostalCodeStartsWith(String prefix) implements Condition {
    public PostalCodeStartsWith {
        Checks.line(prefix, "postalCode.prefix", 16);
    }
}
