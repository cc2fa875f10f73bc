package org.crmkit.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.spi.customer.CustomerId;

/** The customer index numbers like a HashMap would, through any number of rehashes. */
class RfmCustomerIndexProperties {
    @Provide
    Arbitrary<List<String>> ids() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 40).map(i -> "c" + i),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8)).list().ofMaxSize(2_000);
    }

    @Property(tries = 200)
    void add_numbersInFirstSeenOrder_andFindAgreesWithAHashMap(@ForAll("ids") List<String> ids) {
        RfmCustomerIndex index = new RfmCustomerIndex(1);
        Map<String, Integer> expected = new HashMap<>();

        for (String id : ids) {
            int number = index.add(new CustomerId(id));
            assertThat(number).isEqualTo(expected.computeIfAbsent(id, k -> expected.size()));
        }

        assertThat(index.size()).isEqualTo(expected.size());
        expected.forEach((id, number) -> {
            assertThat(index.find(CustomerId.of(id))).isEqualTo(number);
            assertThat(index.get(number)).isEqualTo(CustomerId.of(id));
        });
        assertThat(index.find(CustomerId.of("absent-id"))).isEqualTo(-1);
    }
}
