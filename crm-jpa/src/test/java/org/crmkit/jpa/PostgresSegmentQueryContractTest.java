package org.crmkit.jpa;

import jakarta.persistence.EntityManagerFactory;

/** Segment pushdown on PostgreSQL, against the segment TCK. */
class PostgresSegmentQueryContractTest extends JpaSegmentQueryContract {
    @Override
    EntityManagerFactory database() {
        return Databases.postgres();
    }
}
