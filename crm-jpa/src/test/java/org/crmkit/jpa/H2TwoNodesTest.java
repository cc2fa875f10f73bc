package org.crmkit.jpa;

import jakarta.persistence.EntityManagerFactory;

class H2TwoNodesTest extends TwoNodesTest {
    @Override
    EntityManagerFactory first() {
        return Databases.h2();
    }

    @Override
    EntityManagerFactory anotherNode() {
        return Databases.h2Node();
    }
}
