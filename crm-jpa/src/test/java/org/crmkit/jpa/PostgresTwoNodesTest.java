package org.crmkit.jpa;

import jakarta.persistence.EntityManagerFactory;

class PostgresTwoNodesTest extends TwoNodesTest {
    @Override
    EntityManagerFactory first() {
        return Databases.postgres();
    }

    @Override
    EntityManagerFactory anotherNode() {
        return Databases.postgresNode();
    }
}
