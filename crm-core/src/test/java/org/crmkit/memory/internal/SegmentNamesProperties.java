package org.crmkit.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** A customer's segment names behave as a sorted set through any sequence of entries and exits. */
class SegmentNamesProperties {
    @Property
    void withAndWithout_behaveLikeATreeSet(@ForAll @Size(max = 40) List<@StringLength(min = 1, max = 2) String> names,
                                           @ForAll @Size(max = 40) List<Boolean> enters,
                                           @ForAll @StringLength(max = 2) String probe) {
        SegmentNames set = SegmentNames.none();
        TreeSet<String> tree = new TreeSet<>();
        for (int i = 0; i < names.size(); i++) {
            boolean enter = i >= enters.size() || enters.get(i);
            SegmentNames before = set;
            set = enter ? set.with(names.get(i)) : set.without(names.get(i));
            boolean changed = enter ? tree.add(names.get(i)) : tree.remove(names.get(i));
            assertThat(set != before).isEqualTo(changed);
            assertThat(set).containsExactlyElementsOf(tree).isEqualTo(tree);
        }
        SortedSet<String> last = set;
        assertThat(last.hashCode()).isEqualTo(tree.hashCode());
        assertThat(last.contains(probe)).isEqualTo(tree.contains(probe));
        assertThat(last.tailSet(probe)).isEqualTo(tree.tailSet(probe));
        assertThat(last.headSet(probe)).isEqualTo(tree.headSet(probe));
        if (tree.isEmpty()) {
            assertThatThrownBy(last::first).isInstanceOf(NoSuchElementException.class);
        } else {
            assertThat(last.first()).isEqualTo(tree.first());
            assertThat(last.last()).isEqualTo(tree.last());
            assertThatThrownBy(last::clear).isInstanceOf(UnsupportedOperationException.class);
        }
        assertThatThrownBy(() -> last.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
