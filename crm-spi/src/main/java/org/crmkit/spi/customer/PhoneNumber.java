package org.crmkit.spi.customer;

import java.util.Set;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.internal.CallingCodes;
import org.crmkit.spi.Checks;

/**
 * A phone number in E.164 form: {@code +} followed by 8 to 15 digits, the first not zero.
 *
 * <p>{@link #parse(String, String)} normalises what people type: spaces, dots, hyphens, slashes and parentheses
 * are dropped; {@code +} and the region's international prefix ({@code 00}, or {@code 011} in the NANP) introduce
 * a country code; anything else is a national number of the default region, whose trunk prefix (usually
 * {@code 0}) is replaced by the region's calling code. It does not check numbering plans: {@code +49 30 1234}
 * passes although no such line exists. Extensions ({@code ext. 12}) and letters are refused.
 *
 * @param e164 the normalised number, e.g. {@code +493012345678}
 */
public record PhoneNumber(String e164) implements ContactValue {
    private static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 15;

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
     * @param raw           what was typed, at most 40 characters
     * @param defaultRegion ISO 3166-1 alpha-2 region for national numbers, or {@code null} to accept only
     *                      international ones
     * @throws ValidationException naming {@code phone} when the number cannot be normalised, or
     *                             {@code defaultRegion} when the region is unknown
     */
    public static PhoneNumber parse(String raw, String defaultRegion) {
        Checks.line(raw, "phone", 40);
        StringBuilder digits = new StringBuilder(raw.length());
        boolean plus = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.length() == 0 && !plus) {
                plus = true;
            } else if (c != ' ' && c != '.' && c != '-' && c != '/' && c != '(' && c != ')' && c != '\u00a0') {
                throw new ValidationException("phone", "contains a character that is not part of a phone number");
            }
        }
        String d = digits.toString();
        if (plus) {
            return new PhoneNumber("+" + d);
        }
        if (defaultRegion == null) {
            if (d.startsWith("00")) {
                return new PhoneNumber("+" + d.substring(2));
            }
            throw new ValidationException("phone", "national number without a default region");
        }
        String code = CallingCodes.callingCode(defaultRegion)
                .orElseThrow(() -> new ValidationException("defaultRegion", "unknown region (ISO 3166-1 alpha-2)"));
        String international = CallingCodes.internationalPrefix(defaultRegion);
        if (d.startsWith(international)) {
            return new PhoneNumber("+" + d.substring(international.length()));
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
