package org.crmkit.spi.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * A phone number as typed, read once: its digits, whether a {@code +} came before them, and its parenthesised
 * groups of digits. Spaces, dots, hyphens, slashes and no-break spaces are ignored; parentheses must pair up, must
 * not nest and must hold a digit; any other character is refused. Not API.
 */
public final class PhoneInput {
    private final String digits;
    private final boolean plus;
    private final Map<Integer, String> groups;

    private PhoneInput(String digits, boolean plus, Map<Integer, String> groups) {
        this.digits = digits;
        this.plus = plus;
        this.groups = groups;
    }

    /**
     * Reads {@code raw}.
     *
     * @throws ValidationException naming {@code phone} if a character is not part of a phone number or the
     *                             parentheses are unpaired, nested or empty
     */
    public static PhoneInput read(String raw) {
        StringBuilder digits = new StringBuilder(raw.length());
        boolean plus = false;
        int open = -1;
        Map<Integer, String> groups = new HashMap<>();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.length() == 0 && !plus) {
                plus = true;
            } else if (c == '(' && open < 0) {
                open = digits.length();
            } else if (c == ')' && open >= 0 && open < digits.length()) {
                groups.put(open, digits.substring(open));
                open = -1;
            } else if (c == '(' || c == ')') {
                throw new ValidationException("phone", "parentheses must pair up around digits, without nesting");
            } else if (c != ' ' && c != '.' && c != '-' && c != '/' && c != '\u00a0') {
                throw new ValidationException("phone", "contains a character that is not part of a phone number");
            }
        }
        if (open >= 0) {
            throw new ValidationException("phone", "parentheses must pair up around digits, without nesting");
        }
        return new PhoneInput(digits.toString(), plus, groups);
    }

    /** Every digit, in order. */
    public String digits() {
        return digits;
    }

    /** Whether a {@code +} came before the first digit. */
    public boolean plus() {
        return plus;
    }

    /** The digits of the parenthesised group whose first digit is digit number {@code start} (from 0), if any. */
    public Optional<String> groupAt(int start) {
        return Optional.ofNullable(groups.get(start));
    }
}
