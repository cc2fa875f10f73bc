package org.crmkit.spi.segment;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;

/**
 * The text attribute exists and its value equals, starts with, ends with or contains {@code text}; ignoring case,
 * both are first lower-cased with {@link String#toLowerCase(java.util.Locale)} in {@link java.util.Locale#ROOT}.
 * Immutable and thread-safe.
 *
 * <p>Case-sensitive equality, prefix and containment have their own nodes ({@link Condition.Compare},
 * {@link Condition.StartsWith}, {@link Condition.Contains}), so this one refuses them: every meaning has one AST.
 *
 * @param attribute  the attribute, a lower-case name
 * @param test       how the value is tested
 * @param text       at most {@value TypedValue#MAX_TEXT_LENGTH} characters
 * @param ignoreCase whether case is ignored
 */
public record TextMatch(String attribute, Test test, String text, boolean ignoreCase) implements Condition {
    /** How a text match tests the value. */
    public enum Test {
        EQUALS, STARTS_WITH, ENDS_WITH, CONTAINS
    }

    public TextMatch {
        Checks.snake(attribute, "attribute", 64);
        Checks.notNull(test, "textMatch.test");
        Checks.bounded(text, "textMatch.text", TypedValue.MAX_TEXT_LENGTH);
        if (!ignoreCase && test != Test.ENDS_WITH) {
            throw new ValidationException("textMatch.ignoreCase", "a case-sensitive " + test + " is a compare,"
                    + " startsWith or contains condition");
        }
    }
}
