package org.crmkit.consent;

import java.util.Optional;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;

/**
 * Where the consent engine finds a customer's contact points and party: typically {@code customerStore::findById},
 * or, as {@code Crm} gives it, a lookup that follows merges ({@code crm.customers()::find}). Must be thread-safe and
 * fast, as every decision calls it.
 *
 * <p>When it answers an id with a customer of another id (the survivor the id was merged into), the engine takes that
 * customer for the one asked about: a decision about a merged-away id is the survivor's decision, and a consent
 * recorded for it (say through an unsubscribe link sent before the merge) is recorded for the survivor.
 *
 * <p>The engine remembers what it derives from a returned {@link Customer} (preferred contact points, audience, keyed
 * hashes) for as long as the directory returns that very instance ({@code Customer} is immutable), and derives again
 * as soon as it returns another: a directory that hands out its stored instances, as the in-memory and caching
 * stores do, makes decisions cheapest; one that builds a new instance per read stays correct, at some cost.
 */
@FunctionalInterface
public interface CustomerDirectory {
    /** The customer of that id, or the survivor it was merged into, if the tenant has one. */
    Optional<Customer> find(TenantId tenant, CustomerId customer);
}
