package org.crmkit.spi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class CompactCollectionsProperties {
    @Property
    void compactMap_behavesLikeTheTreeMapItCopies(@ForAll @Size(max = 20) Map<@StringLength(max = 5) String, Integer> m,
                                                  @ForAll @StringLength(max = 5) String probe) {
        TreeMap<String, Integer> tree = new TreeMap<>(m);
        SortedMap<String, Integer> compact = CompactSortedMap.copyOf(tree);
        assertThat(compact).isEqualTo(tree);
        assertThat(tree).isEqualTo(compact);
        assertThat(compact.hashCode()).isEqualTo(tree.hashCode());
        assertThat(compact.keySet()).containsExactlyElementsOf(tree.keySet());
        assertThat(compact.get(probe)).isEqualTo(tree.get(probe));
        assertThat(compact.containsKey(probe)).isEqualTo(tree.containsKey(probe));
        assertThat(compact.tailMap(probe)).isEqualTo(tree.tailMap(probe));
        assertThat(compact.headMap(probe)).isEqualTo(tree.headMap(probe));
        if (!tree.isEmpty()) {
            assertThat(compact.firstKey()).isEqualTo(tree.firstKey());
            assertThat(compact.lastKey()).isEqualTo(tree.lastKey());
        }
        assertThat(compact.get(42)).isNull();
        assertThatThrownBy(() -> compact.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(compact::clear).isInstanceOfAny(UnsupportedOperationException.class);
    }

    @Property
    void compactSet_behavesLikeTheTreeSetItCopies(@ForAll @Size(max = 20) Set<@StringLength(max = 5) String> s,
                                                  @ForAll @StringLength(max = 5) String probe) {
        TreeSet<String> tree = new TreeSet<>(s);
        SortedSet<String> compact = CompactSortedSet.copyOf(tree);
        assertThat(compact).isEqualTo(tree);
        assertThat(tree).isEqualTo(compact);
        assertThat(compact.hashCode()).isEqualTo(tree.hashCode());
        assertThat(compact).containsExactlyElementsOf(tree);
        assertThat(compact.contains(probe)).isEqualTo(tree.contains(probe));
        assertThat(compact.contains(7)).isFalse();
        assertThat(compact.tailSet(probe)).isEqualTo(tree.tailSet(probe));
        assertThatThrownBy(() -> compact.add("x")).isInstanceOf(UnsupportedOperationException.class);
        if (!tree.isEmpty()) {
            assertThatThrownBy(() -> compact.remove(tree.first())).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
