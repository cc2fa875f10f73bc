package org.crmkit.jpa;

import jakarta.persistence.EntityManagerFactory;

/** Segment pushdown on H2, against the segment TCK. */
class H2SegmentQueryContractTest extends JpaSegmentQueryContract {
    @Override
    EntityManagerFactory database() {
        return Databases.h2();
    }
}
