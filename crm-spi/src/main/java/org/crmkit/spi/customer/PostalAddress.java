package org.crmkit.spi.customer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.Checks;

/**
 * A postal address; every part is a single line (no control characters, no line separators). Lines and locality
 * are kept as written; the {@link #key()} folds case and runs of white space so
 * that the same address typed twice is found as one.
 *
 * @param lines      1 to 4 street lines (each at most 200 characters, not blank)
 * @param postalCode the postal code, may be empty where a country has none (at most 16 characters)
 * @param locality   the city or town (at most 200 characters, not blank)
 * @param region     a state or province, if the country uses one (at most 100 characters)
 * @param country    ISO 3166-1 alpha-2 country code, upper case
 */
public record PostalAddress(List<String> lines, String postalCode, String locality, Optional<String> region,
                            String country) implements ContactValue {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public PostalAddress {
        Checks.noNullElements(lines, "address.lines");
        if (lines.isEmpty() || lines.size() > 4) {
            throw new ValidationException("address.lines", "must have 1 to 4 lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            Checks.line(lines.get(i), "address.lines[" + i + "]", 200);
        }
        lines = List.copyOf(lines);
        Checks.boundedLine(postalCode, "address.postalCode", 16);
        Checks.line(locality, "address.locality", 200);
        Checks.notNull(region, "address.region");
        region.ifPresent(r -> Checks.line(r, "address.region", 100));
        Checks.matching(country, "address.country", COUNTRY, 2, "an ISO 3166-1 alpha-2 code in upper case");
    }

    public static PostalAddress of(String line, String postalCode, String locality, String country) {
        return new PostalAddress(List.of(Checks.notNull(line, "line")), postalCode, locality, Optional.empty(),
                country);
    }

    @Override
    public ContactKind kind() {
        return ContactKind.POSTAL;
    }

    @Override
    public String key() {
        return "postal:" + country + "|" + fold(postalCode) + "|" + fold(locality) + "|"
                + fold(String.join(" ", lines));
    }

    private static String fold(String s) {
        return SPACES.matcher(s.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }
}
