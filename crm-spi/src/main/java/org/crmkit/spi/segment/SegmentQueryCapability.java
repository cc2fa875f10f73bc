package org.crmkit.spi.segment;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerId;

/**
 * An optional ability of a store that keeps customers and interactions: it evaluates a segment itself (a SQL store
 * translates the AST to a query) and answers with the members. The engine asks the storage
 * ({@code storage.capability(SegmentQueryCapability.class)}, which decorators pass through) and otherwise evaluates
 * in memory; the answers must be identical (the TCK's
 * {@code SegmentQueryContract} checks them).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>The segment is <em>resolved</em>: the engine has replaced every {@link Condition.SegmentRef} by the
 *       referenced segment's condition, so the store never sees one.</li>
 *   <li>Semantics are those of the segment language (docs/SEGMENTS.md): a missing attribute makes every comparison
 *       on it false (also {@code !=}); windows start at {@link Window#start(Instant, ZoneId)} and calendar windows end
 *       before {@link Window#end(Instant, ZoneId)}; sums add the amounts in the literal's currency only; dates
 *       relative to today take today in {@code zone}; a score is the one the storage's
 *       {@link org.crmkit.spi.score.ScoreStore} keeps, read as {@link ScoreReading} says.</li>
 *   <li>A store that cannot translate a node (typically {@link Condition.ScoreCompare} and
 *       {@link Condition.FunctionCall}, whose data it does not keep) says so beforehand through {@link #refusal},
 *       and {@link #members} then throws {@link org.crmkit.spi.UnsupportedCapabilityException} naming the node
 *       type; the engine falls back to its in-memory evaluation and reports why (never silently).</li>
 *   <li>Reads a consistent view of one tenant; never changes anything. Thread-safe.</li>
 * </ul>
 */
public interface SegmentQueryCapability {
    /**
     * The ids of the customers of {@code tenant} that meet the segment's condition at {@code now}.
     *
     * @param tenant  the tenant whose customers are queried
     * @param segment the resolved segment (no {@link Condition.SegmentRef})
     * @param now     the instant relative windows are measured from
     * @param zone    the time zone of day boundaries of day windows
     * @param scores  how {@link Condition.ScoreCompare} reads the scores of the storage's score store: which decay,
     *                and which have a value when absent
     * @return the members, unordered; empty if none
     * @throws org.crmkit.spi.UnsupportedCapabilityException if a node cannot be evaluated by this store
     */
    Set<CustomerId> members(TenantId tenant, SegmentDefinition segment, Instant now, ZoneId zone,
                            ScoreReading scores);

    /**
     * Why this store would not evaluate {@code segment} itself: empty if {@link #members} answers it, otherwise a
     * sentence naming the first node it cannot translate (and {@link #members} throws
     * {@link org.crmkit.spi.UnsupportedCapabilityException} for it). Reads no data; thread-safe. The default says
     * every segment is answered: a store that refuses nodes overrides it.
     *
     * @param segment the resolved segment (no {@link Condition.SegmentRef})
     */
    default Optional<String> refusal(SegmentDefinition segment) {
        return Optional.empty();
    }
}
