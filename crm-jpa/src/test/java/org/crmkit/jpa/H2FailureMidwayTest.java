package org.crmkit.jpa;

import jakarta.persistence.EntityManagerFactory;

class H2FailureMidwayTest extends FailureMidwayTest {
    @Override
    EntityManagerFactory factory() {
        return Databases.h2();
    }
}
