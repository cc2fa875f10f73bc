package org.crmkit.jpa;

import jakarta.persistence.EntityManagerFactory;

class PostgresScanDuringAppendsTest extends ScanDuringAppendsTest {
    @Override
    EntityManagerFactory factory() {
        return Databases.postgres();
    }
}
