package org.crmkit.spi.segment;

import org.crmkit.spi.Checks;

/**
 * The text attribute exists and the regular expression {@code pattern} is found in its value (anywhere: anchor it
 * with {@code ^} and {@code $} to match the whole value). The syntax is RE2's (as in RE2/J and Go's
 * {@code regexp}), whose matching time is linear in the value's length: no pattern can backtrack catastrophically.
 * Case-sensitive unless the pattern says {@code (?i)}. Immutable and thread-safe.
 *
 * <p>The record checks the length only; the engine checks the syntax when the segment is defined, and refuses an
 * invalid pattern then, never when evaluating.
 *
 * @param attribute the attribute, a lower-case name
 * @param pattern   1 to {@value #MAX_PATTERN_LENGTH} characters on one line
 */
public record Matches(String attribute, String pattern) implements Condition {
    /** Longest pattern, in characters. */
    public static final int MAX_PATTERN_LENGTH = 1_000;

    public Matches {
        Checks.snake(attribute, "attribute", 64);
        Checks.line(pattern, "matches.pattern", MAX_PATTERN_LENGTH);
    }
}
