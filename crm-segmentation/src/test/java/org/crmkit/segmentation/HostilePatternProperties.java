package org.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.crmkit.spi.TypedValue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Patterns that make a backtracking engine take exponential time are decided at once on long values (the JUnit
 * timeout is generous: RE2/J takes milliseconds, a backtracking engine would take ages).
 */
class HostilePatternProperties {
    @Property(tries = 50, seed = "20261123")
    void hostilePattern_onLongValue_isDecidedQuickly(@ForAll("hostile") String pattern,
                                                    @ForAll @IntRange(min = 1_000, max = 3_999) int length) {
        SegmentCatalog catalog = Fixtures.catalog();
        catalog.define("hostile", "city matches " + SegmentLanguage.print(Conditions.attribute("city").eq(pattern))
                .substring("city = ".length()));
        CustomerSnapshot customer = CustomerSnapshot.of(Fixtures.customer("c1")
                .attribute("city", TypedValue.of("a".repeat(length) + "!")).build());

        boolean member = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> SegmentEvaluator.of(catalog,
                Fixtures.CLOCK, Fixtures.ZONE).matches("hostile", customer));

        assertThat(member).isEqualTo(java.util.regex.Pattern.compile(pattern).matcher("a!").find());
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.of(List.of("(a+)+$", "(a|aa)+$", "(a*)*b", "^(a|a?)+$", "(.*a){12}$", "(a+)+b"));
    }
}
