package org.crmkit.segmentation;

import org.crmkit.segmentation.internal.Parser;
import org.crmkit.segmentation.internal.Printer;
import org.crmkit.spi.Checks;
import org.crmkit.spi.segment.Condition;

/**
 * The segment language (grammar and meaning in docs/SEGMENTS.md): text to {@link Condition} and back. Parsing only
 * checks syntax; types are checked when a segment is defined in a {@link SegmentCatalog}. Stateless and thread-safe.
 */
public final class SegmentLanguage {
    /** Deepest nesting of parentheses and {@code not} the parser accepts. */
    public static final int MAX_NESTING = Parser.MAX_NESTING;
    /** Longest text the parser accepts, in characters. */
    public static final int MAX_LENGTH = Parser.MAX_LENGTH;

    private SegmentLanguage() {
    }

    /**
     * The condition {@code text} writes. Keywords are case-insensitive; names are not.
     *
     * @throws SegmentSyntaxException naming line, column, what was found and what was expected; the only exception
     *                                any text can cause
     */
    public static Condition parse(String text) {
        return Parser.parse(Checks.notNull(text, "text"));
    }

    /** The canonical text of {@code condition}; {@code parse(print(c))} equals {@code c}. */
    public static String print(Condition condition) {
        return Printer.print(Checks.notNull(condition, "condition"));
    }
}
