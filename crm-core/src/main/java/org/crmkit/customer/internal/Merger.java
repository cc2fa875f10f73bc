package org.crmkit.customer.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.crmkit.customer.SurvivorshipPolicy;
import org.crmkit.customer.SurvivorshipPolicy.Rule;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.customer.Party;
import org.crmkit.spi.customer.Person;

/** Applies a survivorship policy to two customers. Stateless and thread-safe. */
public final class Merger {
    private final SurvivorshipPolicy policy;

    public Merger(SurvivorshipPolicy policy) {
        this.policy = policy;
    }

    /** The survivor as it is after the merge, and the record of it (at {@code at}). */
    public Merged merge(Customer survivor, Customer merged, Instant at) {
        Map<String, CustomerId> origins = new TreeMap<>();
        Customer.Builder b = survivor.toBuilder().updatedAt(at);

        Party party = pick("party", known(survivor.party()), known(merged.party()), survivor, merged, origins)
                .orElse(survivor.party());
        b.party(party);
        b.owner(pick("owner", survivor.owner(), merged.owner(), survivor, merged, origins).orElse(null));
        LifecycleStage stage = pick("stage", Optional.of(survivor.stage()), Optional.of(merged.stage()), survivor,
                merged, origins).orElseThrow();
        b.stage(stage, at);

        TreeSet<String> tags = new TreeSet<>(survivor.tags());
        tags.addAll(merged.tags());
        b.tags(tags);
        for (ContactPoint theirs : merged.contactPoints()) {
            Optional<ContactPoint> ours = survivor.contactPoints().stream()
                    .filter(p -> p.value().key().equals(theirs.value().key())).findFirst();
            if (ours.isPresent()) {
                ContactPoint p = ours.get();
                b.contactPoint(new ContactPoint(p.value(), p.usage(), p.primary(), p.verified() || theirs.verified()));
            } else {
                boolean primaryTaken = survivor.contactPoints(theirs.kind()).stream().anyMatch(ContactPoint::primary);
                b.contactPoint(primaryTaken
                        ? new ContactPoint(theirs.value(), theirs.usage(), false, theirs.verified())
                        : theirs);
            }
        }
        merged.identities().forEach(b::identity);

        TreeSet<String> names = new TreeSet<>(survivor.attributes().keySet());
        names.addAll(merged.attributes().keySet());
        for (String name : names) {
            Optional<TypedValue> value = pick("attributes." + name, survivor.attribute(name),
                    merged.attribute(name), survivor, merged, origins);
            b.attribute(name, value.orElseThrow());
        }
        Customer result = b.build();
        MergeRecord record = new MergeRecord(survivor.tenant(), survivor.id(), merged.id(), at, merged,
                new TreeMap<>(origins));
        return new Merged(result, record);
    }

    private <T> Optional<T> pick(String field, Optional<T> ours, Optional<T> theirs, Customer survivor,
                                 Customer merged, Map<String, CustomerId> origins) {
        if (theirs.isEmpty() || ours.equals(theirs)) {
            return ours;
        }
        if (ours.isEmpty()) {
            return theirs;
        }
        Rule rule = policy.ruleFor(field);
        boolean theirsWins = rule == Rule.MERGED
                || rule == Rule.MOST_RECENT && merged.updatedAt().isAfter(survivor.updatedAt());
        origins.put(field, theirsWins ? merged.id() : survivor.id());
        return theirsWins ? theirs : ours;
    }

    /** A person without a name counts as an unknown party, so that a named one survives. */
    private static Optional<Party> known(Party party) {
        return party instanceof Person p && p.displayName().isEmpty() && p.organization().isEmpty()
                ? Optional.empty() : Optional.of(party);
    }

    /** The survivor after the merge, and the merge record. */
    public record Merged(Customer survivor, MergeRecord record) {
    }
}
