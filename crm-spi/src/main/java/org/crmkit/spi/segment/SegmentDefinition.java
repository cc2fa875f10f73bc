package org.crmkit.spi.segment;

import org.crmkit.spi.Checks;

/**
 * A named segment: who belongs to it is decided by its condition. Immutable and thread-safe.
 *
 * @param name      lower-case name ({@code [a-z][a-z0-9_]*}, at most 64 characters), unique among a host's segments
 * @param condition the condition a customer must meet
 */
public record SegmentDefinition(String name, Condition condition) {
    public SegmentDefinition {
        Checks.snake(name, "segment.name", 64);
        Checks.notNull(condition, "segment.condition");
    }
}
