package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.event.OutboxMessage;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.score.CustomerScores;
import org.crmkit.spi.score.ScoreStore;
import org.crmkit.spi.segment.MembershipStore;

/** Reads that follow cursors to the end, checking that every page respects its limit. */
final class Reads {
    /** A bound on pages, so that a store whose cursor never ends fails instead of looping. */
    private static final int MAX_PAGES = 100_000;

    private Reads() {
    }

    static List<Customer> scanAll(CustomerStore store, TenantId tenant, int pageSize) {
        return scanAll((cursor, size) -> store.scan(tenant, cursor, size), pageSize);
    }

    static List<Interaction> scanAll(InteractionStore store, TenantId tenant, int pageSize) {
        return scanAll((cursor, size) -> store.scan(tenant, cursor, size), pageSize);
    }

    static List<CustomerScores> scanAll(ScoreStore store, TenantId tenant, int pageSize) {
        return scanAll((cursor, size) -> store.scan(tenant, cursor, size), pageSize);
    }

    static List<CustomerId> membersAll(MembershipStore store, TenantId tenant, String segment, int pageSize) {
        return scanAll((cursor, size) -> store.members(tenant, segment, cursor, size), pageSize);
    }

    /** Every pending message, a page of {@code pageSize} at a time, each page read after the last one's sequence. */
    static List<OutboxMessage> pendingAll(Outbox outbox, int pageSize) {
        List<OutboxMessage> all = new ArrayList<>();
        long after = 0;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            List<OutboxMessage> page = outbox.pending(after, pageSize);
            assertThat(page).hasSizeLessThanOrEqualTo(pageSize);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            after = page.get(page.size() - 1).sequence();
        }
        throw new AssertionError("pending did not end after " + MAX_PAGES + " pages");
    }

    private static <T> List<T> scanAll(BiFunction<Optional<String>, Integer, Page<T>> scan, int pageSize) {
        List<T> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            Page<T> page = scan.apply(cursor, pageSize);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.items());
            if (!page.hasNext()) {
                return all;
            }
            cursor = page.nextCursor();
        }
        throw new AssertionError("scan did not end after " + MAX_PAGES + " pages");
    }

    /** Every interaction of {@code subject} matching {@code query}, following its cursors from the first page. */
    static List<Interaction> findAll(InteractionStore store, TenantId tenant, Subject subject,
                                     InteractionQuery query) {
        List<Interaction> all = new ArrayList<>();
        InteractionQuery q = query;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            Page<Interaction> page = store.find(tenant, subject, q);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(query.limit());
            all.addAll(page.items());
            if (!page.hasNext()) {
                return all;
            }
            q = query.after(page.nextCursor().orElseThrow());
        }
        throw new AssertionError("find did not end after " + MAX_PAGES + " pages");
    }
}
