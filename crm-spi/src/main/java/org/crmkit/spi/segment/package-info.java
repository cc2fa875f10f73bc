/**
 * Segments as data: the sealed {@link org.crmkit.spi.segment.Condition} AST every segment is written in (from text,
 * JSON or the Java builder), the optional {@link org.crmkit.spi.segment.SegmentQueryCapability} through which a store
 * evaluates a segment itself, and the {@link org.crmkit.spi.segment.SegmentMembershipListener} port that hears who
 * entered or left a segment.
 */
@NullMarked
package org.crmkit.spi.segment;

import org.jspecify.annotations.NullMarked;
