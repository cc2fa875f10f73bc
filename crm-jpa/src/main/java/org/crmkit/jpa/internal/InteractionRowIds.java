package org.crmkit.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The row ids of {@code crm_interaction}, from the database sequence {@code crm_interaction_row_seq}, which steps by
 * {@value #BLOCK}: each value V it gives reserves the ids V to V + {@value #BLOCK} - 1 for this storage, so one
 * round trip serves many rows, and storages (JVMs) on one database never give the same id. Ids are handed out in
 * ascending order, and every block fetched lies above the ones before (the sequence ascends), so the rows a
 * transaction appends have ascending ids in the order it appends them: the order {@link InteractionSequencer}
 * gives them their seqs in. Thread-safe.
 */
final class InteractionRowIds {
    /** The sequence's step, as the migrations make it. */
    static final int BLOCK = 50;
    private static final String NEXT_VALUES =
            "SELECT nextval('crm_interaction_row_seq') FROM generate_series(1, ?)";

    /** The starts of the blocks reserved beyond the current one, ascending. */
    private final ArrayDeque<Long> reserved = new ArrayDeque<>();
    /** The next id to hand out, and the end (exclusive) of its block; equal when the block is used up. */
    private long next;
    private long end;

    /** {@code count} new ids in ascending order, reserving blocks through {@code connection} as needed. */
    synchronized long[] take(Connection connection, int count) throws SQLException {
        long[] ids = new long[count];
        int taken = 0;
        while (taken < count) {
            if (next == end) {
                if (reserved.isEmpty()) {
                    reserve(connection, (count - taken + BLOCK - 1) / BLOCK);
                }
                next = reserved.poll();
                end = next + BLOCK;
            }
            while (taken < count && next < end) {
                ids[taken++] = next++;
            }
        }
        return ids;
    }

    /** Reserves {@code blocks} more blocks, in one round trip. */
    private void reserve(Connection connection, int blocks) throws SQLException {
        long[] starts = new long[blocks];
        try (PreparedStatement query = connection.prepareStatement(NEXT_VALUES)) {
            query.setInt(1, blocks);
            try (ResultSet values = query.executeQuery()) {
                for (int i = 0; i < blocks; i++) {
                    if (!values.next()) {
                        throw new IllegalStateException("crm_interaction_row_seq gave fewer values than asked");
                    }
                    starts[i] = values.getLong(1);
                }
            }
        }
        Arrays.sort(starts);
        for (long start : starts) {
            reserved.add(start);
        }
    }
}
