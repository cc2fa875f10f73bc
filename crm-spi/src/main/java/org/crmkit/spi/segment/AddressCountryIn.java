package org.crmkit.spi.segment;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * The country of the customer's main postal address is one of {@code countries}. The main address is the primary
 * postal contact point, else the first postal one; a customer without one does not match. Immutable and
 * thread-safe.
 *
 * @param countries 1 to {@value Condition#MAX_OPERANDS} ISO 3166-1 alpha-2 codes in upper case, sorted
 */
public record AddressCountryIn(SortedSet<String> countries) implements Condition {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public AddressCountryIn {
        Checks.noNullElements(countries, "addressCountry.countries");
        if (countries.isEmpty() || countries.size() > MAX_OPERANDS) {
            throw new ValidationException("addressCountry.countries", "must hold 1 to " + MAX_OPERANDS
                    + " countries");
        }
        countries.forEach(c -> Checks.matching(c, "addressCountry.countries", COUNTRY, 2,
                "an ISO 3166-1 alpha-2 code in upper case"));
        countries = Collections.unmodifiableSortedSet(new TreeSet<>(countries));
    }

    /** The condition for {@code country} and {@code more}. */
    public static AddressCountryIn of(String country, String... more) {
        TreeSet<String> all = new TreeSet<>(Set.of(more));
        all.add(Checks.notNull(country, "addressCountry.countries"));
        return new AddressCountryIn(all);
    }
}
