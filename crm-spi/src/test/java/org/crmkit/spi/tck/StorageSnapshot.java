package org.crmkit.spi.tck;

import java.util.ArrayList;
import java.util.List;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.event.OutboxBacklog;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.segment.MembershipStore;
import org.crmkit.spi.storage.Storage;

/**
 * Everything a storage answers about the universes of the reference models (their tenants, customer ids,
 * identities, e-mail addresses, interaction ids, keys and subjects, segments), read through the ports, so that two
 * snapshots are equal exactly when the storage answered every such read the same. Immutable.
 */
record StorageSnapshot(List<Object> customers, List<Object> interactions, List<Object> scores,
                       List<Object> memberships, List<Object> outbox, OutboxBacklog backlog) {
    static StorageSnapshot of(Storage storage) {
        List<Object> customers = new ArrayList<>();
        List<Object> interactions = new ArrayList<>();
        List<Object> scores = new ArrayList<>();
        List<Object> memberships = new ArrayList<>();
        for (TenantId tenant : CustomerModel.TENANTS) {
            customers(storage.customers(), tenant, customers);
            interactions(storage.interactions(), tenant, interactions);
            scores.add(Reads.scanAll(storage.scores(), tenant, 1_000));
            memberships(storage.memberships(), tenant, memberships);
        }
        return new StorageSnapshot(customers, interactions, scores, memberships,
                List.copyOf(Reads.pendingAll(storage.outbox(), 1_000)), storage.outbox().backlog());
    }

    private static void customers(CustomerStore store, TenantId tenant, List<Object> into) {
        into.add(Reads.scanAll(store, tenant, 1_000));
        into.add(store.count(tenant));
        for (int i = 0; i < CustomerModel.IDS; i++) {
            into.add(store.findById(tenant, CustomerModel.id(i)));
            into.add(store.findMergeRecord(tenant, CustomerModel.id(i)));
        }
        for (int i = 0; i < CustomerModel.IDENTITIES; i++) {
            into.add(store.findByIdentity(tenant, CustomerModel.identity(i)));
        }
        for (int i = 0; i < CustomerModel.EMAILS; i++) {
            into.add(store.findByContactPoint(tenant, CustomerModel.email(i)));
        }
    }

    private static void interactions(InteractionStore store, TenantId tenant, List<Object> into) {
        into.add(Reads.scanAll(store, tenant, 1_000));
        into.add(store.count(tenant));
        for (int s = 0; s < InteractionModel.SUBJECTS; s++) {
            into.add(Reads.findAll(store, tenant, InteractionModel.subject(s), InteractionQuery.all()));
        }
        for (int k = 0; k < InteractionModel.KEYS; k++) {
            into.add(store.findById(tenant, InteractionModel.id(k)));
            into.add(store.findByExternalId(tenant, InteractionModel.SOURCE, InteractionModel.externalId(k)));
        }
    }

    private static void memberships(MembershipStore store, TenantId tenant, List<Object> into) {
        for (String segment : MembershipModel.SEGMENTS) {
            into.add(Reads.membersAll(store, tenant, segment, 1_000));
            into.add(store.count(tenant, segment));
            for (int c = 0; c < MembershipModel.CUSTOMERS; c++) {
                into.add(store.memberSince(tenant, segment, MembershipModel.customer(c)));
            }
        }
        for (int c = 0; c < MembershipModel.CUSTOMERS; c++) {
            into.add(store.segmentsOf(tenant, MembershipModel.customer(c)));
            into.add(store.reviewAt(tenant, MembershipModel.customer(c)));
        }
        into.add(store.dueForReview(tenant, java.time.Instant.MAX, MembershipStore.MAX_PAGE_SIZE));
    }
}
