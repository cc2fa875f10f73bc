package org.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.crmkit.spi.segment.Condition;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class SegmentLanguageProperties {
    private static final List<String> FRAGMENTS = List.of("(", ")", ",", " and ", " or ", "not ", "=", "!=", "<",
            ">=", "\"", "\\", "city", "stage", "count", "sum(", "last(", "within", "30d", "12h", "-", "1.5", "100 EUR",
            "100EUR", "2024-02-29", "in", "between", "exists", "contains", "starts with", "score(", "segment(", "rfm.recency",
            "attribute(", "any", "on", "web", "\n", " ", "true", "choice(", "date(", "\u0000", "é", "9999999999999999999",
            " ignoring case", " ends with ", " matches ", "\"(a+)+$\"", " where ", "page", " campaign ", " inbound",
            " since ", "2025-01-01", "avg(", "min(", "max(", "amount in EUR of ", "count(distinct ", " of ", "geo(",
            " km", "address country", "address postal_code", "email domain", "days_since(", "years_since(",
            "anniversary(", "7d", "created", "property(");

    @Property(tries = 2000, seed = "20261123")
    void parse_randomText_throwsOnlySyntaxExceptions(@ForAll @StringLength(max = 200) String text) {
        parseOrSyntaxError(text);
    }

    @Property(tries = 2000, seed = "20261123")
    void parse_randomTokenSoup_throwsOnlySyntaxExceptions(@ForAll("soup") String text) {
        parseOrSyntaxError(text);
    }

    @Property(tries = 1000, seed = "20261123")
    void parse_mutatedValidText_throwsOnlySyntaxExceptions(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400)
            int position, @ForAll("fragment") String insert, @ForAll @IntRange(min = 0, max = 5) int delete) {
        String valid = SegmentLanguage.print(new RandomConditions(seed, true).condition(3));
        int at = Math.min(position, valid.length());
        String mutated = valid.substring(0, at) + insert + valid.substring(Math.min(valid.length(), at + delete));
        parseOrSyntaxError(mutated);
    }

    @Property(tries = 1000, seed = "20261123")
    void print_thenParse_givesTheSameCondition(@ForAll long seed) {
        Condition condition = new RandomConditions(seed, true).condition(4);
        assertThat(SegmentLanguage.parse(SegmentLanguage.print(condition))).isEqualTo(condition);
    }

    @Property(tries = 500, seed = "20261123")
    void builderChain_equalsTheConditionOfItsText(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RandomConditions conditions = new RandomConditions(seed, true);
        Condition first = conditions.condition(2);
        Segment chain = Segment.where(first);
        StringBuilder text = new StringBuilder("(").append(SegmentLanguage.print(first)).append(')');
        for (int i = random.nextInt(1, 6); i > 0; i--) {
            Condition next = conditions.condition(2);
            boolean and = random.nextBoolean();
            chain = and ? chain.and(next) : chain.or(next);
            text.append(and ? " and (" : " or (").append(SegmentLanguage.print(next)).append(')');
        }
        assertThat(SegmentLanguage.parse(text.toString())).isEqualTo(chain.condition());
    }

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> fragment() {
        return Arbitraries.of(FRAGMENTS);
    }

    private static void parseOrSyntaxError(String text) {
        try {
            SegmentLanguage.parse(text);
        } catch (SegmentSyntaxException expected) {
            assertThat(expected.line()).isPositive();
            assertThat(expected.column()).isPositive();
            assertThat(expected.found()).isNotEmpty();
            assertThat(expected.expected()).isNotEmpty();
        }
    }
}
