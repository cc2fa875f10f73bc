package org.crmkit.jpa.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Gives the interactions a transaction appended their {@code seq}, the store's append order, just before it commits:
 * under the tenant's row of {@code crm_interaction_counter}, locked until the commit, so that seqs are given in
 * commit order. (A database sequence or identity is not: a row given 7 may commit after a row given 8, and a scan
 * that read 8 would never see it.) The rows of other transactions are not visible until they commit, so the rows
 * of the tenant without a seq are this transaction's; they get seqs in the order of their row ids, which is the
 * order they were appended in.
 */
final class InteractionSequencer {
    private static final int MAX_ATTEMPTS = 10_000;

    private InteractionSequencer() {
    }

    /** Registers the sequencing of {@code tenant}'s appended rows in the calling thread's unit. */
    static void register(Units units, String tenant) {
        units.beforeCommit("interaction-seq:" + tenant, em -> sequence(units, em, tenant));
    }

    private static void sequence(Units units, EntityManager em, String tenant) {
        InteractionCounter counter = lockCounter(units, em, tenant);
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

    /**
     * The tenant's counter, locked. A missing one is inserted under a savepoint ({@link Units#insertIfAbsent}):
     * losing that race to another engine does not mark the transaction for rollback, and the winner's row is
     * locked once it committed.
     */
    private static InteractionCounter lockCounter(Units units, EntityManager em, String tenant) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            InteractionCounter counter = em.find(InteractionCounter.class, tenant, LockModeType.PESSIMISTIC_WRITE);
            if (counter != null) {
                return counter;
            }
            units.insertIfAbsent("INSERT INTO crm_interaction_counter (tenant, next_seq) VALUES (?, 1)", tenant);
            if (attempt > 0) {
                pause();
            }
        }
        throw new IllegalStateException("the interaction counter of a tenant could not be made or locked");
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an interaction counter", e);
        }
    }
}
