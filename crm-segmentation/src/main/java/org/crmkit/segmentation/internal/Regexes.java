package org.crmkit.segmentation.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.segment.Matches;

/**
 * Regular expressions of {@link Matches}, compiled with RE2/J: matching is linear in the input's length, so no
 * pattern (such as {@code (a+)+$}) can backtrack catastrophically on a customer's value. Stateless.
 */
public final class Regexes {
    private Regexes() {
    }

    /**
     * The compiled {@code pattern} (at most {@link Matches#MAX_PATTERN_LENGTH} characters).
     *
     * @throws ValidationException naming {@code matches.pattern} if it is not RE2 syntax
     */
    public static Pattern compile(String pattern) {
        if (pattern.length() > Matches.MAX_PATTERN_LENGTH) {
            throw new ValidationException("matches.pattern", "longer than " + Matches.MAX_PATTERN_LENGTH
                    + " characters");
        }
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new ValidationException("matches.pattern", "is not a regular expression in RE2 syntax ("
                    + e.getDescription() + ")");
        }
    }
}
