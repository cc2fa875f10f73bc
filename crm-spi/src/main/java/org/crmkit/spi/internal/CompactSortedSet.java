package org.crmkit.spi.internal;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An immutable sorted set of comparable elements held in one array: a fraction of the memory of an unmodifiable
 * {@link TreeSet}. Lookups binary-search; the range views are unmodifiable copies. Equal to any set with the same
 * elements. Thread-safe (immutable).
 */
public final class CompactSortedSet<E extends Comparable<? super E>> extends AbstractSet<E> implements SortedSet<E> {
    private final Object[] elements;

    private CompactSortedSet(Object[] elements) {
        this.elements = elements;
    }

    /** An immutable copy of {@code sorted} (in natural order); the shared empty sorted set if it is empty. */
    public static <E extends Comparable<? super E>> SortedSet<E> copyOf(SortedSet<E> sorted) {
        return sorted.isEmpty() ? Collections.emptySortedSet() : new CompactSortedSet<>(sorted.toArray());
    }

    @SuppressWarnings("unchecked")
    private E element(int i) {
        return (E) elements[i];
    }

    @Override
    public boolean contains(Object o) {
        return o != null && elements[0].getClass().isInstance(o) && Arrays.binarySearch(elements, o) >= 0;
    }

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < elements.length;
            }

            @Override
            public E next() {
                if (next >= elements.length) {
                    throw new NoSuchElementException();
                }
                return element(next++);
            }
        };
    }

    @Override
    public int size() {
        return elements.length;
    }

    @Override
    public Comparator<? super E> comparator() {
        return null;
    }

    @Override
    public SortedSet<E> subSet(E fromElement, E toElement) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(this).subSet(fromElement, toElement));
    }

    @Override
    public SortedSet<E> headSet(E toElement) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(this).headSet(toElement));
    }

    @Override
    public SortedSet<E> tailSet(E fromElement) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(this).tailSet(fromElement));
    }

    @Override
    public E first() {
        return element(0);
    }

    @Override
    public E last() {
        return element(elements.length - 1);
    }
}
