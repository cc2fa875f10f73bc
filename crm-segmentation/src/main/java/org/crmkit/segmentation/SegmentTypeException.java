package org.crmkit.segmentation;

import static java.util.Objects.requireNonNull;

import org.crmkit.spi.CrmException;
import org.crmkit.spi.segment.Condition;

/**
 * A segment that parses but does not make sense against the catalog it is defined in: an unknown attribute, score,
 * function or segment, a value of the wrong type (a number compared with a date), an operator the type does not
 * have, or a cycle of segment references. Thrown when the segment is defined, never when it is evaluated.
 */
public class SegmentTypeException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String segment;
    private final transient Condition node;
    private final String reason;

    public SegmentTypeException(String segment, Condition node, String reason) {
        super("segment '" + requireNonNull(segment, "segment") + "': " + requireNonNull(reason, "reason") + " in `"
                + SegmentLanguage.print(requireNonNull(node, "node")) + "`");
        this.segment = segment;
        this.node = node;
        this.reason = reason;
    }

    /** The name of the segment being defined. */
    public String segment() {
        return segment;
    }

    /** The offending node. */
    public Condition node() {
        return node;
    }

    /** Why it is refused. */
    public String reason() {
        return reason;
    }
}
