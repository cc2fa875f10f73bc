package org.crmkit.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

import org.crmkit.spi.Page;

/** Reading everything behind a paged read of a store, one page at a time. Stateless. */
public final class Pages {
    private Pages() {
    }

    /**
     * Every item of a paged read, in its order, fetching the next page only when the previous one is used up.
     *
     * @param fetch reads the page after a cursor (empty for the first page)
     */
    public static <T> Iterable<T> all(Function<Optional<String>, Page<T>> fetch) {
        return () -> new Iterator<>() {
            private Page<T> page = fetch.apply(Optional.empty());
            private int next;

            @Override
            public boolean hasNext() {
                while (next == page.items().size() && page.nextCursor().isPresent()) {
                    page = fetch.apply(page.nextCursor());
                    next = 0;
                }
                return next < page.items().size();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.items().get(next++);
            }
        };
    }
}
