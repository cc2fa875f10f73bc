package org.crmkit.jpa.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.interaction.AppendResult;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;

/**
 * What appending a batch of interactions one by one would do, worked out in memory from the rows the store holds
 * under the batch's idempotency keys and ids (read with a few {@code IN} queries, not a query per interaction): each
 * interaction's result, and the new ones to insert, in the batch's order. A key or an id that comes again later in
 * the batch meets the earlier interaction as if it were stored. Immutable once made.
 */
record AppendPlan(List<AppendResult> results, List<Interaction> appended) {
    /** The most values in one {@code IN} list. */
    private static final int CHUNK = 1_000;

    /** An idempotency key within a tenant. */
    private record Key(TenantId tenant, String source, String externalId) {
        static Key of(Interaction i) {
            return new Key(i.tenant(), i.source(), i.externalId());
        }
    }

    /** An interaction id within a tenant. */
    private record Id(TenantId tenant, InteractionId id) {
        static Id of(Interaction i) {
            return new Id(i.tenant(), i.id());
        }
    }

    /**
     * The plan of {@code batch} against the rows {@code em} sees.
     *
     * @throws DuplicateKeyException if an interaction's id is held under another idempotency key, by a stored one or
     *                               one earlier in the batch
     */
    static AppendPlan of(EntityManager em, List<Interaction> batch) {
        Map<Key, Interaction> byKey = new HashMap<>();
        Set<Id> heldIds = new HashSet<>();
        Map<TenantId, List<Interaction>> byTenant = new LinkedHashMap<>();
        batch.forEach(i -> byTenant.computeIfAbsent(i.tenant(), t -> new ArrayList<>()).add(i));
        byTenant.forEach((tenant, interactions) -> {
            readKeys(em, tenant, interactions, byKey);
            readIds(em, tenant, interactions, heldIds);
        });
        List<AppendResult> results = new ArrayList<>(batch.size());
        List<Interaction> appended = new ArrayList<>();
        for (Interaction interaction : batch) {
            Interaction held = byKey.get(Key.of(interaction));
            if (held != null) {
                results.add(new AppendResult.Duplicate(held));
            } else if (!heldIds.add(Id.of(interaction))) {
                throw new DuplicateKeyException("interaction id " + interaction.id(), "another interaction");
            } else {
                results.add(new AppendResult.Appended(interaction));
                appended.add(interaction);
                byKey.put(Key.of(interaction), interaction);
            }
        }
        return new AppendPlan(List.copyOf(results), List.copyOf(appended));
    }

    /**
     * Puts the tenant's stored interactions under the keys of {@code interactions} into {@code byKey}: their row ids
     * first (none, as a rule), then those rows with their properties, left out of the persistence context.
     */
    private static void readKeys(EntityManager em, TenantId tenant, List<Interaction> interactions,
                                 Map<Key, Interaction> byKey) {
        Set<String> sources = new LinkedHashSet<>();
        Set<String> externalIds = new LinkedHashSet<>();
        interactions.forEach(i -> {
            sources.add(i.source());
            externalIds.add(i.externalId());
        });
        for (List<String> chunk : chunks(externalIds)) {
            List<Long> held = em.createQuery("select r.rowId from InteractionEntity r where r.tenant = :tenant"
                            + " and r.source in :sources and r.externalId in :keys", Long.class)
                    .setParameter("tenant", tenant.value()).setParameter("sources", List.copyOf(sources))
                    .setParameter("keys", chunk).getResultList();
            if (held.isEmpty()) {
                continue;
            }
            List<InteractionEntity> rows = em.createQuery("select r from InteractionEntity r"
                    + " left join fetch r.properties where r.rowId in :rows", InteractionEntity.class)
                    .setParameter("rows", held).getResultList();
            for (InteractionEntity row : rows) {
                Interaction stored = InteractionMapper.read(row);
                byKey.put(Key.of(stored), stored);
                em.detach(row);
            }
        }
    }

    /** Adds the ids of {@code interactions} that the tenant's stored interactions hold to {@code heldIds}. */
    private static void readIds(EntityManager em, TenantId tenant, List<Interaction> interactions, Set<Id> heldIds) {
        Set<String> ids = new LinkedHashSet<>();
        interactions.forEach(i -> ids.add(i.id().value()));
        for (List<String> chunk : chunks(ids)) {
            em.createQuery("select r.interactionId from InteractionEntity r where r.tenant = :tenant"
                            + " and r.interactionId in :ids", String.class)
                    .setParameter("tenant", tenant.value()).setParameter("ids", chunk).getResultList()
                    .forEach(id -> heldIds.add(new Id(tenant, InteractionId.of(id))));
        }
    }

    private static List<List<String>> chunks(Set<String> values) {
        List<String> all = List.copyOf(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(from + CHUNK, all.size())));
        }
        return chunks;
    }
}
