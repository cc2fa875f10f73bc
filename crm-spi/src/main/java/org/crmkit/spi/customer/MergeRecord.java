package org.crmkit.spi.customer;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.Checks;

/**
 * The record that customer {@link #merged()} was merged into {@link #survivor()}: who, when, the merged customer as
 * it was, and for every field whose values conflicted, which of the two customers' values survived.
 * Immutable and thread-safe.
 *
 * @param tenant         the tenant of both customers
 * @param survivor       the customer that remains
 * @param merged         the customer that was merged away; its id resolves to the survivor from now on
 * @param at             when the merge happened
 * @param mergedSnapshot the merged customer as it was just before the merge
 * @param fieldOrigins   conflicting field (e.g. {@code party}, {@code owner}, {@code attributes.segment}) to the id of
 *                       the customer whose value survived, sorted by field
 */
public record MergeRecord(TenantId tenant, CustomerId survivor, CustomerId merged, Instant at,
                          Customer mergedSnapshot, SortedMap<String, CustomerId> fieldOrigins) {
    public MergeRecord {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(survivor, "survivor");
        Checks.notNull(merged, "merged");
        Checks.notNull(at, "at");
        Checks.notNull(mergedSnapshot, "mergedSnapshot");
        Checks.notNull(fieldOrigins, "fieldOrigins");
        if (survivor.equals(merged)) {
            throw new ValidationException("merged", "a customer cannot be merged into itself");
        }
        if (!mergedSnapshot.id().equals(merged) || !mergedSnapshot.tenant().equals(tenant)) {
            throw new ValidationException("mergedSnapshot", "is not the merged customer of this tenant");
        }
        TreeMap<String, CustomerId> origins = new TreeMap<>();
        for (Map.Entry<String, CustomerId> e : fieldOrigins.entrySet()) {
            Checks.line(e.getKey(), "fieldOrigins", 128);
            CustomerId origin = Checks.notNull(e.getValue(), "fieldOrigins." + e.getKey());
            if (!origin.equals(survivor) && !origin.equals(merged)) {
                throw new ValidationException("fieldOrigins." + e.getKey(), "names neither of the two customers");
            }
            origins.put(e.getKey(), origin);
        }
        fieldOrigins = Collections.unmodifiableSortedMap(origins);
    }
}
