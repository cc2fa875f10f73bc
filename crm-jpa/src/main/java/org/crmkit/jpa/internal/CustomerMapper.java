package org.crmkit.jpa.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.customer.Organization;
import org.crmkit.spi.customer.Party;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.StageTransition;

/** Customers to rows of {@code crm_customer} and its collection tables, and back. Stateless. */
final class CustomerMapper {
    private static final String PERSON = "PERSON";
    private static final String ORGANIZATION = "ORGANIZATION";

    private CustomerMapper() {
    }

    /** Writes {@code c}'s state into {@code row} (all but the tenant, id, live flag and version). */
    static void write(Customer c, CustomerEntity row) {
        Party party = c.party();
        row.givenName = null;
        row.familyName = null;
        row.organization = null;
        row.jobTitle = null;
        row.orgName = null;
        row.registration = null;
        if (party instanceof Person p) {
            row.partyKind = PERSON;
            row.givenName = p.givenName();
            row.familyName = p.familyName();
            row.organization = p.organization().map(CustomerId::value).orElse(null);
            row.jobTitle = p.jobTitle().orElse(null);
        } else if (party instanceof Organization o) {
            row.partyKind = ORGANIZATION;
            row.orgName = o.name();
            row.registration = o.registrationNumber().orElse(null);
        }
        row.owner = c.owner().orElse(null);
        row.stage = c.stage().name();
        row.createdNs = Nanos.of(c.createdAt(), "createdAt");
        row.updatedNs = Nanos.of(c.updatedAt(), "updatedAt");
        row.stages.clear();
        for (StageTransition t : c.stageHistory()) {
            row.stages.add(new StageRow(t.stage().name(), Nanos.of(t.at(), "stageHistory.at")));
        }
        row.tags.clear();
        row.tags.addAll(c.tags());
        row.contacts.clear();
        for (ContactPoint p : c.contactPoints()) {
            row.contacts.add(contact(p));
        }
        row.identities.clear();
        for (ExternalIdentity i : c.identities()) {
            row.identities.add(new IdentityRow(i.system(), i.value()));
        }
        row.attributes.clear();
        c.attributes().forEach((name, value) -> row.attributes.put(name, TypedValues.row(value)));
    }

    /** The customer a row holds, with the row's own stage history, tags and identities (loaded if need be). */
    static Customer read(CustomerEntity row) {
        Satellites s = new Satellites();
        s.stages.addAll(row.stages);
        s.tags.addAll(row.tags);
        s.identities.addAll(row.identities);
        return read(row, s);
    }

    /** The customer a row holds, with the stage history, tags and identities read apart ({@link CustomerReads}). */
    static Customer read(CustomerEntity row, Satellites satellites) {
        Party party = PERSON.equals(row.partyKind)
                ? new Person(row.givenName, row.familyName, Optional.ofNullable(row.organization).map(CustomerId::of),
                Optional.ofNullable(row.jobTitle))
                : new Organization(row.orgName, Optional.ofNullable(row.registration));
        List<StageTransition> stages = new ArrayList<>(satellites.stages.size());
        for (StageRow s : satellites.stages) {
            stages.add(new StageTransition(LifecycleStage.valueOf(s.stage), Nanos.instant(s.atNs)));
        }
        List<ContactPoint> contacts = new ArrayList<>(row.contacts.size());
        for (ContactRow r : row.contacts) {
            contacts.add(new ContactPoint(r.value.value(), ContactUsage.valueOf(r.usage), r.preferred, r.verified));
        }
        TreeSet<ExternalIdentity> identities = new TreeSet<>();
        for (IdentityRow i : satellites.identities) {
            identities.add(new ExternalIdentity(i.system, i.identity));
        }
        TreeMap<String, TypedValue> attributes = new TreeMap<>();
        row.attributes.forEach((name, value) -> attributes.put(name, TypedValues.value(value)));
        return new Customer(TenantId.of(row.tenant), CustomerId.of(row.customerId), row.version, party, stages,
                Optional.ofNullable(row.owner), new TreeSet<>(satellites.tags), contacts, identities, attributes,
                Nanos.instant(row.createdNs), Nanos.instant(row.updatedNs));
    }

    /** A customer's stage history (in order), tags and identities, as read. Not thread-safe. */
    static final class Satellites {
        final List<StageRow> stages = new ArrayList<>();
        final Set<String> tags = new HashSet<>();
        final Set<IdentityRow> identities = new HashSet<>();

        /** Puts the transition at {@code position} of the history, whatever order the rows come in. */
        void stage(int position, String stage, long atNs) {
            while (stages.size() <= position) {
                stages.add(null);
            }
            stages.set(position, new StageRow(stage, atNs));
        }
    }

    /** The SHA-256 of a contact value's normalised key, in hexadecimal: what lookups compare. */
    static String keyHash(ContactValue value) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(value.key().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static ContactRow contact(ContactPoint p) {
        return new ContactRow(ContactValueColumns.of(p.value()), keyHash(p.value()), p.usage().name(), p.primary(),
                p.verified());
    }

}
