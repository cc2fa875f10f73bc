package org.crmkit.spi.tck;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;

/**
 * Deterministic test data of the TCK: two tenants, a fixed instant (whole milliseconds, which every storage keeps
 * exactly), and customers and interactions named by short ids.
 */
final class Fixtures {
    static final TenantId TENANT = TenantId.of("tck-a");
    static final TenantId OTHER_TENANT = TenantId.of("tck-b");
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private Fixtures() {
    }

    static CustomerId cid(String id) {
        return CustomerId.of(id);
    }

    static ExternalIdentity identity(String value) {
        return ExternalIdentity.of("webshop", value);
    }

    static EmailAddress email(String address) {
        return EmailAddress.parse(address);
    }

    /** A new (version 0) person called after its id. */
    static Customer customer(TenantId tenant, String id) {
        return Customer.builder(tenant, cid(id), Person.named("Ann", id), T0).build();
    }

    static Customer customer(String id) {
        return customer(TENANT, id);
    }

    static Customer withIdentities(Customer c, ExternalIdentity... identities) {
        return c.toBuilder().identities(Set.copyOf(Arrays.asList(identities))).build();
    }

    static Customer withContacts(Customer c, ContactValue... values) {
        Customer.Builder b = c.toBuilder();
        for (ContactValue v : values) {
            b.contactPoint(ContactPoint.of(v, ContactUsage.HOME));
        }
        return b.build();
    }

    static Subject known(String customerId) {
        return Subject.customer(cid(customerId));
    }

    static Subject visitor(String visitorId) {
        return Subject.visitor(VisitorId.of(visitorId));
    }

    /** A web page view by {@code subject}, {@code minutes} after {@link #T0}, whose idempotency key is its id. */
    static Interaction interaction(TenantId tenant, String id, Subject subject, int minutes) {
        return Interaction.builder(tenant, InteractionId.of(id), subject, Channel.WEB, InteractionType.PAGE_VIEW,
                T0.plusSeconds(60L * minutes)).source("webshop", "ext-" + id).build();
    }

    static Interaction interaction(String id, Subject subject, int minutes) {
        return interaction(TENANT, id, subject, minutes);
    }
}
