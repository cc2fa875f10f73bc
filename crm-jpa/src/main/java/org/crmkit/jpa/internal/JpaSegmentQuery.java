package org.crmkit.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.UnsupportedCapabilityException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.segment.ScoreReading;
import org.crmkit.spi.segment.SegmentDefinition;
import org.crmkit.spi.segment.SegmentQueryCapability;

/**
 * Segment pushdown on the adapter's schema: each segment is one SQL query ({@link SegmentSql}) run in the calling
 * thread's unit (after flushing its writes) or in a transaction of its own, so it reads one consistent view of the
 * tenant. Segments calling host functions or matching regular expressions are refused, and say so beforehand through
 * {@link #refusal}. Thread-safe.
 */
public final class JpaSegmentQuery implements SegmentQueryCapability {
    private final Units units;

    public JpaSegmentQuery(Units units) {
        this.units = units;
    }

    @Override
    public Set<CustomerId> members(TenantId tenant, SegmentDefinition segment, Instant now, ZoneId zone,
                                   ScoreReading scores) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(segment, "segment");
        Checks.notNull(now, "now");
        Checks.notNull(zone, "zone");
        Checks.notNull(scores, "scores");
        Optional<String> refusal = refusal(segment);
        if (refusal.isPresent()) {
            throw new UnsupportedCapabilityException("segment query: " + refusal.get());
        }
        return units.read(em -> {
            if (units.inUnit()) {
                em.flush();
            }
            return em.<Connection, Set<CustomerId>>callWithConnection(connection -> {
                SqlText query = SegmentSql.members(Dialect.of(connection), tenant, segment.condition(), now,
                        zone, scores);
                Set<CustomerId> members = new HashSet<>();
                try (PreparedStatement statement = connection.prepareStatement(query.text())) {
                    List<Object> parameters = query.parameters();
                    for (int i = 0; i < parameters.size(); i++) {
                        statement.setObject(i + 1, parameters.get(i));
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            members.add(CustomerId.of(rows.getString(1)));
                        }
                    }
                }
                return members;
            });
        });
    }

    @Override
    public Optional<String> refusal(SegmentDefinition segment) {
        return SegmentSql.refusal(Checks.notNull(segment, "segment").condition());
    }
}
