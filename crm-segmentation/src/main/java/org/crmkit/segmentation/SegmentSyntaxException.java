package org.crmkit.segmentation;

import static java.util.Objects.requireNonNull;

import org.crmkit.spi.CrmException;

/**
 * Segment text that is not in the segment language (docs/SEGMENTS.md): says where (1-based line and column), what
 * was found there and what was expected instead. Also thrown for text nested deeper than
 * {@link SegmentLanguage#MAX_NESTING} or longer than {@link SegmentLanguage#MAX_LENGTH}.
 */
public class SegmentSyntaxException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String found;
    private final String expected;

    public SegmentSyntaxException(int line, int column, String found, String expected) {
        super("line " + line + ", column " + column + ": found " + requireNonNull(found, "found") + ", expected "
                + requireNonNull(expected, "expected"));
        this.line = line;
        this.column = column;
        this.found = found;
        this.expected = expected;
    }

    /** The 1-based line of the offending token. */
    public int line() {
        return line;
    }

    /** The 1-based column (in characters) of the offending token. */
    public int column() {
        return column;
    }

    /** What was found, quoted, or {@code end of input}. */
    public String found() {
        return found;
    }

    /** What the grammar allows at that place. */
    public String expected() {
        return expected;
    }
}
