package org.crmkit.memory.internal;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The segments one customer is a member of: an immutable sorted set of names in one array, replaced by
 * {@link #with} and {@link #without} on every change, so that a read copies nothing and a change copies one array
 * (an unmodifiable {@link TreeSet} would copy a tree, and hold ten times the memory). The range views are copies.
 * Thread-safe (immutable).
 */
public final class SegmentNames extends AbstractSet<String> implements SortedSet<String> {
    private static final SegmentNames NONE = new SegmentNames(new String[0]);

    private final String[] names;

    private SegmentNames(String[] names) {
        this.names = names;
    }

    /** The set of no segment. */
    public static SegmentNames none() {
        return NONE;
    }

    /** These names and {@code name}: this set itself if it holds it. */
    public SegmentNames with(String name) {
        int at = Arrays.binarySearch(names, name);
        if (at >= 0) {
            return this;
        }
        at = -at - 1;
        String[] to = new String[names.length + 1];
        System.arraycopy(names, 0, to, 0, at);
        to[at] = name;
        System.arraycopy(names, at, to, at + 1, names.length - at);
        return new SegmentNames(to);
    }

    /** These names but {@code name}: this set itself if it does not hold it. */
    public SegmentNames without(String name) {
        int at = Arrays.binarySearch(names, name);
        if (at < 0) {
            return this;
        }
        String[] to = new String[names.length - 1];
        System.arraycopy(names, 0, to, 0, at);
        System.arraycopy(names, at + 1, to, at, to.length - at);
        return to.length == 0 ? NONE : new SegmentNames(to);
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof String s && Arrays.binarySearch(names, s) >= 0;
    }

    @Override
    public Iterator<String> iterator() {
        return List.of(names).iterator();
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public SortedSet<String> subSet(String fromElement, String toElement) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(this).subSet(fromElement, toElement));
    }

    @Override
    public SortedSet<String> headSet(String toElement) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(this).headSet(toElement));
    }

    @Override
    public SortedSet<String> tailSet(String fromElement) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(this).tailSet(fromElement));
    }

    @Override
    public String first() {
        if (names.length == 0) {
            throw new NoSuchElementException("no segment");
        }
        return names[0];
    }

    @Override
    public String last() {
        if (names.length == 0) {
            throw new NoSuchElementException("no segment");
        }
        return names[names.length - 1];
    }
}
