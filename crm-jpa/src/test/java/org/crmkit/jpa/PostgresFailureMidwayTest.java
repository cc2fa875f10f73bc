package org.crmkit.jpa;

import jakarta.persistence.EntityManagerFactory;

class PostgresFailureMidwayTest extends FailureMidwayTest {
    @Override
    EntityManagerFactory factory() {
        return Databases.postgres();
    }
}
