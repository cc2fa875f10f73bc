package org.crmkit.consent;

import java.util.Optional;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;

/**
 * Where the consent engine finds a customer's contact points and party: typically
 * {@code customerStore::findById}. Must be thread-safe and fast, as every decision calls it.
 *
 * <p>The engine remembers what it derives from a returned {@link Customer} (preferred contact points, audience, keyed
 * hashes) for as long as the directory returns that very instance ({@code Customer} is immutable), and derives again
 * as soon as it returns another: a directory that hands out its stored instances, as the in-memory and caching
 * stores do, makes decisions cheapest; one that builds a new instance per read stays correct, at some cost.
 */
@FunctionalInterface
public interface CustomerDirectory {
    /** The customer, if the tenant has one of that id. */
    Optional<Customer> find(TenantId tenant, CustomerId customer);
}
