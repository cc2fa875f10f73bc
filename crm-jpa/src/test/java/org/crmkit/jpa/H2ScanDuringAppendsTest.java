package org.crmkit.jpa;

import jakarta.persistence.EntityManagerFactory;

class H2ScanDuringAppendsTest extends ScanDuringAppendsTest {
    @Override
    EntityManagerFactory factory() {
        return Databases.h2();
    }
}
