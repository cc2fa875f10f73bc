package org.crmkit.spi;

import java.util.Collection;
import java.util.regex.Pattern;


/**
 * Argument checks that fail with a {@link ValidationException} naming the field and the reason: the checks the SPI's
 * value types use, offered to adapters and host value types so that they fail the same way. Stateless and thread-safe.
 */
public final class Checks {
    /** Identifier-like tokens: ASCII letters, digits, {@code . _ : -}; must start with a letter or digit. */
    public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]*");
    /** Lower-case names: a letter, then letters, digits or underscores. */
    public static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");

    private Checks() {
    }

    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }

    /**
     * Non-blank free text of at most {@code maxLength} characters that may span lines: {@link #bounded} text that is
     * not empty and not only white space. For notes and wordings; one-line values use {@link #line}.
     */
    public static String text(String value, String field, int maxLength) {
        return bounded(notBlank(value, field), field, maxLength);
    }

    /**
     * Free text of at most {@code maxLength} characters, possibly empty or blank, possibly of several lines: every
     * character is accepted except the control characters U+0000 to U+001F and U+007F to U+009F, of which TAB
     * (U+0009), LF (U+000A) and CR (U+000D) are allowed.
     */
    public static String bounded(String value, String field, int maxLength) {
        return scan(value, field, maxLength, true);
    }

    /**
     * A non-blank single line of at most {@code maxLength} characters: {@link #boundedLine} text that is not empty
     * and not only white space. For names, identifiers, keys, tokens and other one-line values.
     */
    public static String line(String value, String field, int maxLength) {
        return boundedLine(notBlank(value, field), field, maxLength);
    }

    /**
     * A single line of at most {@code maxLength} characters, possibly empty or blank: every character is accepted
     * except the control characters U+0000 to U+001F and U+007F to U+009F (TAB, CR, LF and NEL among them) and the
     * line and paragraph separators U+2028 and U+2029.
     */
    public static String boundedLine(String value, String field, int maxLength) {
        return scan(value, field, maxLength, false);
    }

    private static String notBlank(String value, String field) {
        notNull(value, field);
        if (value.isBlank()) {
            throw new ValidationException(field, "must not be blank");
        }
        return value;
    }

    private static String scan(String value, String field, int maxLength, boolean multiLine) {
        notNull(value, field);
        if (value.length() > maxLength) {
            throw new ValidationException(field, "longer than " + maxLength + " characters (" + value.length() + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\t' || c == '\r'))) {
                throw new ValidationException(field, "contains the control character " + codePoint(c));
            }
            if (!multiLine && (c == '\u2028' || c == '\u2029')) {
                throw new ValidationException(field, "contains the line separator " + codePoint(c));
            }
        }
        return value;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** A value matching {@code pattern}, of 1 to {@code maxLength} characters. */
    public static String matching(String value, String field, Pattern pattern, int maxLength, String what) {
        checkLength(value, field, maxLength);
        if (!pattern.matcher(value).matches()) {
            throw new ValidationException(field, "must be " + what);
        }
        return value;
    }

    /** A value matching {@link #TOKEN}, of 1 to {@code maxLength} characters (checked without a regex: it is hot). */
    public static String token(String value, String field, int maxLength) {
        checkLength(value, field, maxLength);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || i > 0 && (c == '.' || c == '_' || c == ':' || c == '-');
            if (!ok) {
                throw new ValidationException(field, "must be ASCII letters, digits and . _ : - starting with a letter"
                        + " or digit");
            }
        }
        return value;
    }

    /** A value matching {@link #SNAKE}, of 1 to {@code maxLength} characters (checked without a regex: it is hot). */
    public static String snake(String value, String field, int maxLength) {
        checkLength(value, field, maxLength);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || i > 0 && (c >= '0' && c <= '9' || c == '_');
            if (!ok) {
                throw new ValidationException(field, "must be lower-case letters, digits and underscores starting"
                        + " with a letter");
            }
        }
        return value;
    }

    private static void checkLength(String value, String field, int maxLength) {
        notNull(value, field);
        if (value.isEmpty()) {
            throw new ValidationException(field, "must not be empty");
        }
        if (value.length() > maxLength) {
            throw new ValidationException(field, "longer than " + maxLength + " characters (" + value.length() + ")");
        }
    }

    public static <C extends Collection<?>> C noNullElements(C values, String field) {
        notNull(values, field);
        int i = 0;
        for (Object v : values) {
            if (v == null) {
                throw new ValidationException(field + "[" + i + "]", "must not be null");
            }
            i++;
        }
        return values;
    }

    /** A value from {@code min} to {@code max}, both included. */
    public static long between(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new ValidationException(field, "must be " + min + " to " + max + " (" + value + ")");
        }
        return value;
    }

    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new ValidationException(field, "must not be negative (" + value + ")");
        }
        return value;
    }
}
