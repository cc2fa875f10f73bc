package org.crmkit.jpa.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;
import org.crmkit.spi.customer.Customer;

/**
 * Customers from their rows in few round trips: a row's stage history, tags and identities, when the persistence
 * context has not loaded them already, come for every row at once in one query ({@code UNION ALL} of the three
 * tables) instead of three lazy loads per row. The rows' contact points and attributes are fetched by the caller's
 * query, or load lazily. Stateless.
 */
final class CustomerReads {
    /** Row ids per query: a bound that every database accepts in an {@code IN} list. */
    private static final int CHUNK = 500;
    private static final String SATELLITES = "SELECT 1, row_id, position, stage, at_ns, NULL FROM crm_customer_stage"
            + " WHERE row_id IN (?1) UNION ALL SELECT 2, row_id, NULL, tag, NULL, NULL FROM crm_customer_tag"
            + " WHERE row_id IN (?1) UNION ALL SELECT 3, row_id, NULL, system, NULL, identity"
            + " FROM crm_customer_identity WHERE row_id IN (?1)";

    private CustomerReads() {
    }

    /** The customers the rows hold, in the rows' order. */
    static List<Customer> read(EntityManager em, List<CustomerEntity> rows) {
        PersistenceUnitUtil loaded = em.getEntityManagerFactory().getPersistenceUnitUtil();
        List<Long> pending = new ArrayList<>();
        for (CustomerEntity row : rows) {
            if (!loaded.isLoaded(row, "stages") || !loaded.isLoaded(row, "tags")
                    || !loaded.isLoaded(row, "identities")) {
                pending.add(row.rowId);
            }
        }
        Map<Long, CustomerMapper.Satellites> satellites = satellites(em, pending);
        List<Customer> customers = new ArrayList<>(rows.size());
        for (CustomerEntity row : rows) {
            CustomerMapper.Satellites s = satellites.get(row.rowId);
            customers.add(s == null ? CustomerMapper.read(row) : CustomerMapper.read(row, s));
        }
        return customers;
    }

    private static Map<Long, CustomerMapper.Satellites> satellites(EntityManager em, List<Long> rowIds) {
        Map<Long, CustomerMapper.Satellites> byRow = new HashMap<>();
        for (Long id : rowIds) {
            byRow.put(id, new CustomerMapper.Satellites());
        }
        for (int from = 0; from < rowIds.size(); from += CHUNK) {
            List<?> results = em.createNativeQuery(SATELLITES)
                    .setParameter(1, rowIds.subList(from, Math.min(rowIds.size(), from + CHUNK))).getResultList();
            for (Object result : results) {
                Object[] r = (Object[]) result;
                CustomerMapper.Satellites s = byRow.get(((Number) r[1]).longValue());
                switch (((Number) r[0]).intValue()) {
                    case 1 -> s.stage(((Number) r[2]).intValue(), (String) r[3], ((Number) r[4]).longValue());
                    case 2 -> s.tags.add((String) r[3]);
                    default -> s.identities.add(new IdentityRow((String) r[3], (String) r[5]));
                }
            }
        }
        return byRow;
    }
}
