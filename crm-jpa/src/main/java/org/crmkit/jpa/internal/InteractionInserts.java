package org.crmkit.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Inserts new rows of {@code crm_interaction} and {@code crm_interaction_property} with plain JDBC batches: one
 * statement for all the interactions of an append and one for all their properties, whatever their number, on the
 * unit's connection and without the persistence context. The interactions go in the order of their idempotency
 * keys, so that two transactions inserting some of the same keys wait for one another instead of deadlocking; their
 * row ids, given before, keep the append order. Stateless.
 */
final class InteractionInserts {
    private static final String INTERACTION = "INSERT INTO crm_interaction (row_id, tenant, interaction_id,"
            + " subject_kind, subject_id, channel, direction, type, occurred_ns, recorded_ns, amount, amount_number,"
            + " currency, source, external_id, campaign) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String PROPERTY = "INSERT INTO crm_interaction_property (row_id, name, value_type,"
            + " text_value, number_value, epoch_day, month_day, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final Comparator<InteractionEntity> BY_KEY = Comparator.<InteractionEntity, String>comparing(
            r -> r.tenant).thenComparing(r -> r.source).thenComparing(r -> r.externalId);

    private InteractionInserts() {
    }

    /**
     * Inserts {@code rows}, each with its row id set and no seq.
     *
     * @return whether they were inserted; false if an idempotency key or an id among them was taken by another
     *         transaction that committed first, in which case the transaction is left failed or half done, to be
     *         rolled back to a savepoint taken before
     * @throws SQLException if the database refused them for another reason
     */
    static boolean insert(Connection connection, List<InteractionEntity> rows) throws SQLException {
        try {
            try (PreparedStatement insert = connection.prepareStatement(INTERACTION)) {
                for (InteractionEntity row : rows.stream().sorted(BY_KEY).toList()) {
                    bind(insert, row);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            if (rows.stream().anyMatch(r -> !r.properties.isEmpty())) {
                try (PreparedStatement insert = connection.prepareStatement(PROPERTY)) {
                    for (InteractionEntity row : rows) {
                        for (Map.Entry<String, AttributeRow> property : row.properties.entrySet()) {
                            bind(insert, row.rowId, property.getKey(), property.getValue());
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
            }
            return true;
        } catch (SQLException e) {
            if (Failures.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static void bind(PreparedStatement insert, InteractionEntity row) throws SQLException {
        insert.setLong(1, row.rowId);
        insert.setString(2, row.tenant);
        insert.setString(3, row.interactionId);
        insert.setString(4, row.subjectKind);
        insert.setString(5, row.subjectId);
        insert.setString(6, row.channel);
        insert.setString(7, row.direction);
        insert.setString(8, row.type);
        insert.setLong(9, row.occurredNs);
        insert.setLong(10, row.recordedNs);
        insert.setString(11, row.amount);
        insert.setBigDecimal(12, row.amountNumber);
        insert.setString(13, row.currency);
        insert.setString(14, row.source);
        insert.setString(15, row.externalId);
        insert.setString(16, row.campaign);
    }

    private static void bind(PreparedStatement insert, long rowId, String name, AttributeRow value)
            throws SQLException {
        insert.setLong(1, rowId);
        insert.setString(2, name);
        insert.setString(3, value.type);
        insert.setString(4, value.text);
        insert.setBigDecimal(5, value.number);
        insert.setObject(6, value.epochDay, Types.BIGINT);
        insert.setObject(7, value.monthDay, Types.INTEGER);
        insert.setString(8, value.currency);
    }
}
