package org.crmkit.spi.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.Checks;
import org.crmkit.spi.internal.CompactSortedMap;
import org.crmkit.spi.internal.CompactSortedSet;

/**
 * A customer: who it is ({@link Party}), where it stands ({@link LifecycleStage}, with the instant of every
 * transition), how to reach it ({@link ContactPoint}s), what other systems call it ({@link ExternalIdentity}s), and
 * host-defined attributes.
 *
 * <p>{@link #version()} is the optimistic-locking version: 0 for a customer not yet stored; a store sets 1 on create
 * and adds 1 on every update. Immutable and thread-safe; change it through {@link #toBuilder()}.
 *
 * @param tenant        the tenant the customer belongs to
 * @param id            unique within the tenant
 * @param version       0 before the first store, then 1, 2, …
 * @param party         a person or an organisation
 * @param stageHistory  every lifecycle transition, oldest first; never empty; instants do not decrease and two
 *                      consecutive entries have different stages
 * @param owner         the id of the sales representative in charge, if any (a token of at most 64 characters)
 * @param tags          free labels, sorted (each a token of at most 64 characters; at most 100)
 * @param contactPoints distinct by {@link ContactValue#key()}, at most one primary per {@link ContactKind}; at most
 *                      50, in the order given
 * @param identities    ids in other systems, sorted; at most 50
 * @param attributes    custom attributes by name, sorted; at most 200 (checked against the schema by the engine)
 * @param createdAt     when the customer was first registered
 * @param updatedAt     when it was last changed; not before {@code createdAt}
 */
public record Customer(TenantId tenant, CustomerId id, long version, Party party, List<StageTransition> stageHistory,
                       Optional<String> owner, SortedSet<String> tags, List<ContactPoint> contactPoints,
                       SortedSet<ExternalIdentity> identities, SortedMap<String, TypedValue> attributes,
                       Instant createdAt, Instant updatedAt) {
    public static final int MAX_TAGS = 100;
    public static final int MAX_CONTACT_POINTS = 50;
    public static final int MAX_IDENTITIES = 50;
    public static final int MAX_ATTRIBUTES = 200;

    public Customer {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(id, "id");
        Checks.nonNegative(version, "version");
        Checks.notNull(party, "party");
        stageHistory = List.copyOf(Checks.noNullElements(stageHistory, "stageHistory"));
        checkHistory(stageHistory);
        Checks.notNull(owner, "owner");
        owner.ifPresent(o -> Checks.token(o, "owner", 64));
        tags = sortedTags(tags);
        contactPoints = List.copyOf(Checks.noNullElements(contactPoints, "contactPoints"));
        checkContactPoints(contactPoints);
        Checks.noNullElements(identities, "identities");
        if (identities.size() > MAX_IDENTITIES) {
            throw new ValidationException("identities", "more than " + MAX_IDENTITIES);
        }
        identities = CompactSortedSet.copyOf(new TreeSet<>(identities));
        attributes = sortedAttributes(attributes);
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new ValidationException("updatedAt", "is before createdAt");
        }
    }

    /** A new prospect, version 0, with nothing but a party, created (and entering {@code PROSPECT}) at {@code at}. */
    public static Builder builder(TenantId tenant, CustomerId id, Party party, Instant at) {
        return new Builder(tenant, id, party, at);
    }

    /** The current lifecycle stage: the stage of the last transition. */
    public LifecycleStage stage() {
        return stageHistory.get(stageHistory.size() - 1).stage();
    }

    /** The contact points of {@code kind}, primary first, otherwise in stored order. */
    public List<ContactPoint> contactPoints(ContactKind kind) {
        List<ContactPoint> result = new ArrayList<>();
        for (ContactPoint p : contactPoints) {
            if (p.kind() == kind) {
                result.add(p.primary() ? 0 : result.size(), p);
            }
        }
        return List.copyOf(result);
    }

    /** The primary contact point of {@code kind}, else the first one of that kind. */
    public Optional<ContactPoint> preferredContactPoint(ContactKind kind) {
        return contactPoints(kind).stream().findFirst();
    }

    public Optional<TypedValue> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void checkHistory(List<StageTransition> history) {
        if (history.isEmpty()) {
            throw new ValidationException("stageHistory", "must not be empty");
        }
        for (int i = 1; i < history.size(); i++) {
            StageTransition prev = history.get(i - 1);
            StageTransition next = history.get(i);
            if (next.at().isBefore(prev.at())) {
                throw new ValidationException("stageHistory[" + i + "]", "is before the previous transition");
            }
            if (next.stage() == prev.stage()) {
                throw new ValidationException("stageHistory[" + i + "]", "repeats the stage " + next.stage());
            }
        }
    }

    private static SortedSet<String> sortedTags(Set<String> tags) {
        Checks.noNullElements(tags, "tags");
        if (tags.size() > MAX_TAGS) {
            throw new ValidationException("tags", "more than " + MAX_TAGS);
        }
        tags.forEach(t -> Checks.token(t, "tags", 64));
        return CompactSortedSet.copyOf(new TreeSet<>(tags));
    }

    private static void checkContactPoints(List<ContactPoint> points) {
        if (points.size() > MAX_CONTACT_POINTS) {
            throw new ValidationException("contactPoints", "more than " + MAX_CONTACT_POINTS);
        }
        Set<String> keys = new HashSet<>();
        Set<ContactKind> primaries = EnumSet.noneOf(ContactKind.class);
        for (int i = 0; i < points.size(); i++) {
            ContactPoint p = points.get(i);
            if (!keys.add(p.value().key())) {
                throw new ValidationException("contactPoints[" + i + "]", "repeats an earlier contact point");
            }
            if (p.primary() && !primaries.add(p.kind())) {
                throw new ValidationException("contactPoints[" + i + "]", "a second primary " + p.kind());
            }
        }
    }

    private static SortedMap<String, TypedValue> sortedAttributes(Map<String, TypedValue> attributes) {
        Checks.notNull(attributes, "attributes");
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new ValidationException("attributes", "more than " + MAX_ATTRIBUTES);
        }
        TreeMap<String, TypedValue> sorted = new TreeMap<>();
        attributes.forEach((k, v) -> {
            Checks.snake(k, "attributes", 64);
            sorted.put(k, Checks.notNull(v, "attributes." + k));
        });
        return CompactSortedMap.copyOf(sorted);
    }

    /**
     * Builds a changed copy of a customer. Not thread-safe; every setter checks its argument at once, and
     * {@link #build()} checks the whole.
     */
    public static final class Builder {
        private final TenantId tenant;
        private final CustomerId id;
        private long version;
        private Party party;
        private final List<StageTransition> stageHistory;
        private Optional<String> owner;
        private final SortedSet<String> tags;
        private final List<ContactPoint> contactPoints;
        private final SortedSet<ExternalIdentity> identities;
        private final SortedMap<String, TypedValue> attributes;
        private final Instant createdAt;
        private Instant updatedAt;

        private Builder(TenantId tenant, CustomerId id, Party party, Instant at) {
            this.tenant = Checks.notNull(tenant, "tenant");
            this.id = Checks.notNull(id, "id");
            this.party = Checks.notNull(party, "party");
            this.createdAt = Checks.notNull(at, "createdAt");
            this.updatedAt = at;
            this.stageHistory = new ArrayList<>(List.of(new StageTransition(LifecycleStage.PROSPECT, at)));
            this.owner = Optional.empty();
            this.tags = new TreeSet<>();
            this.contactPoints = new ArrayList<>();
            this.identities = new TreeSet<>();
            this.attributes = new TreeMap<>();
        }

        private Builder(Customer c) {
            this.tenant = c.tenant;
            this.id = c.id;
            this.version = c.version;
            this.party = c.party;
            this.stageHistory = new ArrayList<>(c.stageHistory);
            this.owner = c.owner;
            this.tags = new TreeSet<>(c.tags);
            this.contactPoints = new ArrayList<>(c.contactPoints);
            this.identities = new TreeSet<>(c.identities);
            this.attributes = new TreeMap<>(c.attributes);
            this.createdAt = c.createdAt;
            this.updatedAt = c.updatedAt;
        }

        public Builder version(long version) {
            this.version = Checks.nonNegative(version, "version");
            return this;
        }

        public Builder party(Party party) {
            this.party = Checks.notNull(party, "party");
            return this;
        }

        /** Enters {@code stage} at {@code at}; does nothing if the customer is in that stage already. */
        public Builder stage(LifecycleStage stage, Instant at) {
            StageTransition t = new StageTransition(stage, at);
            StageTransition last = stageHistory.get(stageHistory.size() - 1);
            if (last.stage() != stage) {
                if (at.isBefore(last.at())) {
                    throw new ValidationException("stage", "transition at " + at + " is before the last one");
                }
                stageHistory.add(t);
            }
            return this;
        }

        /** Replaces the whole stage history (used by codecs and stores). */
        public Builder stageHistory(List<StageTransition> history) {
            List<StageTransition> copy = List.copyOf(Checks.noNullElements(history, "stageHistory"));
            checkHistory(copy);
            stageHistory.clear();
            stageHistory.addAll(copy);
            return this;
        }

        public Builder owner(String owner) {
            this.owner = owner == null ? Optional.empty() : Optional.of(Checks.token(owner, "owner", 64));
            return this;
        }

        public Builder tag(String tag) {
            tags.add(Checks.token(tag, "tags", 64));
            return this;
        }

        public Builder untag(String tag) {
            tags.remove(tag);
            return this;
        }

        public Builder tags(Set<String> tags) {
            this.tags.clear();
            Checks.noNullElements(tags, "tags").forEach(this::tag);
            return this;
        }

        /**
         * Adds {@code point}, or replaces the point with the same {@link ContactValue#key()}. A primary point demotes
         * the previous primary of its kind.
         */
        public Builder contactPoint(ContactPoint point) {
            Checks.notNull(point, "contactPoint");
            String key = point.value().key();
            int existing = -1;
            for (int i = 0; i < contactPoints.size(); i++) {
                ContactPoint p = contactPoints.get(i);
                if (p.value().key().equals(key)) {
                    existing = i;
                } else if (point.primary() && p.primary() && p.kind() == point.kind()) {
                    contactPoints.set(i, new ContactPoint(p.value(), p.usage(), false, p.verified()));
                }
            }
            if (existing >= 0) {
                contactPoints.set(existing, point);
            } else {
                contactPoints.add(point);
            }
            return this;
        }

        public Builder removeContactPoint(ContactValue value) {
            contactPoints.removeIf(p -> p.value().key().equals(value.key()));
            return this;
        }

        public Builder contactPoints(List<ContactPoint> points) {
            contactPoints.clear();
            contactPoints.addAll(Checks.noNullElements(points, "contactPoints"));
            return this;
        }

        public Builder identity(ExternalIdentity identity) {
            identities.add(Checks.notNull(identity, "identity"));
            return this;
        }

        public Builder removeIdentity(ExternalIdentity identity) {
            identities.remove(identity);
            return this;
        }

        public Builder identities(Set<ExternalIdentity> identities) {
            this.identities.clear();
            this.identities.addAll(Checks.noNullElements(identities, "identities"));
            return this;
        }

        public Builder attribute(String name, TypedValue value) {
            Checks.snake(name, "attributes", 64);
            attributes.put(name, Checks.notNull(value, "attributes." + name));
            return this;
        }

        public Builder removeAttribute(String name) {
            attributes.remove(name);
            return this;
        }

        public Builder attributes(Map<String, TypedValue> attributes) {
            this.attributes.clear();
            Checks.notNull(attributes, "attributes").forEach(this::attribute);
            return this;
        }

        public Builder updatedAt(Instant at) {
            this.updatedAt = Checks.notNull(at, "updatedAt");
            return this;
        }

        /** @throws ValidationException if the whole is inconsistent (see {@link Customer}) */
        public Customer build() {
            return new Customer(tenant, id, version, party, stageHistory, owner, tags, contactPoints, identities,
                    attributes, createdAt, updatedAt);
        }
    }
}
