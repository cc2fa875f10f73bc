package org.crmkit.spi;

import java.util.List;
import java.util.Optional;


/**
 * One page of a keyset-paged read. Pass {@link #nextCursor()} back to the same store to read the next page; an
 * empty cursor means there is no further page. Cursors are opaque, stable across writes that do not touch the items
 * already returned, and valid only for the store and query that produced them.
 *
 * <p>Immutable and thread-safe.
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(Checks.noNullElements(items, "items"));
        Checks.notNull(nextCursor, "nextCursor");
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}
