package org.crmkit.jpa.internal;

import jakarta.persistence.EntityManager;

/**
 * Gives the interactions a transaction appended their {@code seq}, the store's append order, just before it commits:
 * under the tenant's row of {@code crm_interaction_counter}, locked until the commit, so that seqs are given in
 * commit order. (A database sequence or identity is not: a row given 7 may commit after a row given 8, and a scan
 * that read 8 would never see it.) The rows of other transactions are not visible until they commit, so the rows
 * of the tenant without a seq are this transaction's; they get seqs in the order of their row ids, which is the
 * order they were appended in ({@link InteractionRowIds}).
 */
final class InteractionSequencer {
    private InteractionSequencer() {
    }

    /** Registers the sequencing of {@code tenant}'s appended rows in the calling thread's unit. */
    static void register(Units units, String tenant) {
        units.beforeCommit("interaction-seq:" + tenant, em -> sequence(units, em, tenant));
    }

    private static void sequence(Units units, EntityManager em, String tenant) {
        InteractionCounter counter = units.lockOrInsert(em, InteractionCounter.class, tenant,
                "INSERT INTO crm_interaction_counter (tenant, next_seq) VALUES (?, 1)", tenant);
        Long first = em.createQuery("select min(r.rowId) from InteractionEntity r where r.tenant = :tenant"
                + " and r.seq is null", Long.class).setParameter("tenant", tenant).getSingleResult();
        if (first == null) {
            return;
        }
        Long last = em.createQuery("select max(r.rowId) from InteractionEntity r where r.tenant = :tenant"
                + " and r.seq is null", Long.class).setParameter("tenant", tenant).getSingleResult();
        em.createQuery("update InteractionEntity r set r.seq = r.rowId + :offset where r.tenant = :tenant"
                        + " and r.seq is null")
                .setParameter("offset", counter.nextSeq - first).setParameter("tenant", tenant).executeUpdate();
        counter.nextSeq += last - first + 1;
        em.flush();
    }
}
