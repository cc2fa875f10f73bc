package org.crmkit.spi.customer;

import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.Checks;
import org.crmkit.spi.internal.CallingCodes;
import org.crmkit.spi.internal.PhoneInput;

/**
 * A phone number in E.164 form: {@code +} followed by 8 to 15 digits, the first not zero.
 *
 * <p>{@link #parse(String, String)} normalises what people type: spaces, dots, hyphens, slashes and parentheses
 * are dropped (parentheses must pair up around digits and not nest); {@code +} and the region's international
 * prefix ({@code 00}, or {@code 011} in the NANP) introduce a country code; anything else is a national number of
 * the default region, whose trunk prefix (usually {@code 0}) is replaced by the region's calling code. It does not
 * check numbering plans: {@code +49 30 1234} passes although no such line exists. Extensions ({@code ext. 12}) and
 * letters are refused.
 *
 * <p>A parenthesised trunk prefix right after the country code of an international number is dropped, as it is not
 * dialled from abroad: the group in parentheses loses the country's trunk prefix when it is exactly that prefix, or
 * when it begins with a prefix that itself begins with {@code 0} (national numbers never begin with a trunk
 * {@code 0}). So {@code +49 (0)30 1234567}, {@code 0049 ( 0 ) 30 1234567} and {@code +49 (030) 1234567} all give
 * {@code +49301234567}, {@code +44 (0)20 7946 0958} gives {@code +442079460958} and {@code +36 (06 1) 234 5678}
 * gives {@code +3612345678}, while {@code +7 (812) 123-45-67} keeps its 8 (Russia's prefix is 8, not in
 * parentheses alone) and {@code +39 (06) 1234 5678} keeps its 0 (Italy has no trunk prefix: the 0 is part of the
 * number). For a country code crmkit does not know, only {@code (0)} is dropped. Digits outside parentheses are
 * never dropped: {@code +39 06 1234 5678} is {@code +390612345678}.
 *
 * @param e164 the normalised number, e.g. {@code +493012345678}
 */
public record PhoneNumber(String e164) implements ContactValue {
    private static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 15;
    private static final int MAX_CODE_DIGITS = 3;

    public PhoneNumber {
        Checks.notNull(e164, "phone");
        if (e164.length() < MIN_DIGITS + 1 || e164.length() > MAX_DIGITS + 1 || e164.charAt(0) != '+'
                || e164.charAt(1) == '0' || !e164.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException("phone", "not in E.164 form (+ and " + MIN_DIGITS + " to " + MAX_DIGITS
                    + " digits, the first not 0)");
        }
    }

    /** A number already written internationally ({@code +...} or {@code 00...}). */
    public static PhoneNumber parse(String raw) {
        return parse(raw, null);
    }

    /**
     * Normalises {@code raw}, reading a national number as one of {@code defaultRegion}.
     *
     * @param raw           what was typed, one line of at most 40 characters
     * @param defaultRegion ISO 3166-1 alpha-2 region for national numbers, or {@code null} to accept only
     *                      international ones
     * @throws ValidationException naming {@code phone} when the number cannot be normalised, or
     *                             {@code defaultRegion} when the region is unknown
     */
    public static PhoneNumber parse(String raw, String defaultRegion) {
        Checks.line(raw, "phone", 40);
        PhoneInput input = PhoneInput.read(raw);
        String d = input.digits();
        if (input.plus()) {
            return international(input, 0);
        }
        if (defaultRegion == null) {
            if (d.startsWith("00")) {
                return international(input, 2);
            }
            throw new ValidationException("phone", "national number without a default region");
        }
        String code = CallingCodes.callingCode(defaultRegion)
                .orElseThrow(() -> new ValidationException("defaultRegion", "unknown region (ISO 3166-1 alpha-2)"));
        String international = CallingCodes.internationalPrefix(defaultRegion);
        if (d.startsWith(international)) {
            return international(input, international.length());
        }
        String trunk = CallingCodes.trunkPrefix(defaultRegion);
        if (!trunk.isEmpty() && d.startsWith(trunk)) {
            d = d.substring(trunk.length());
        } else if (!trunk.isEmpty() && !"1".equals(code)) {
            throw new ValidationException("phone", "national number must start with the trunk prefix " + trunk);
        }
        if (d.isEmpty() || d.charAt(0) == '0' && !trunk.isEmpty()) {
            throw new ValidationException("phone", "national significant number is missing or starts with 0");
        }
        return new PhoneNumber("+" + code + d);
    }

    /** The number whose country code follows the first {@code prefix} digits, without a parenthesised trunk prefix. */
    private static PhoneNumber international(PhoneInput input, int prefix) {
        String d = input.digits();
        for (int end = prefix + 1; end <= Math.min(prefix + MAX_CODE_DIGITS, d.length()); end++) {
            Optional<String> group = input.groupAt(end);
            if (group.isPresent()) {
                String code = d.substring(prefix, end);
                Optional<String> known = CallingCodes.trunkPrefixOfCode(code);
                String trunk = known.orElse("0");
                if (!trunk.isEmpty() && (group.get().equals(trunk)
                        || known.isPresent() && trunk.startsWith("0") && group.get().startsWith(trunk))) {
                    return new PhoneNumber("+" + code + d.substring(end + trunk.length()));
                }
            }
        }
        return new PhoneNumber("+" + d.substring(prefix));
    }

    /** The regions (ISO 3166-1 alpha-2) that {@link #parse(String, String)} accepts as a default region. */
    public static Set<String> supportedRegions() {
        return CallingCodes.regions();
    }

    @Override
    public ContactKind kind() {
        return ContactKind.PHONE;
    }

    @Override
    public String key() {
        return "phone:" + e164;
    }
}
