package org.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.segmentation.Conditions.allOf;
import static org.crmkit.segmentation.Conditions.anyOf;
import static org.crmkit.segmentation.Conditions.attribute;
import static org.crmkit.segmentation.Conditions.call;
import static org.crmkit.segmentation.Conditions.count;
import static org.crmkit.segmentation.Conditions.interactions;
import static org.crmkit.segmentation.Conditions.last;
import static org.crmkit.segmentation.Conditions.not;
import static org.crmkit.segmentation.Conditions.score;
import static org.crmkit.segmentation.Conditions.segment;
import static org.crmkit.segmentation.Conditions.stage;
import static org.crmkit.segmentation.Conditions.sum;
import static org.crmkit.segmentation.Conditions.tag;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Direction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentLanguageTest {
    private static Condition parse(String text) {
        return SegmentLanguage.parse(text);
    }

    @Test
    void parse_everyAttributeOperator_givesTypedComparisons() {
        assertThat(parse("city = \"Berlin\"")).isEqualTo(attribute("city").eq("Berlin"));
        assertThat(parse("city != \"Berlin\"")).isEqualTo(attribute("city").ne("Berlin"));
        assertThat(parse("age < 30")).isEqualTo(attribute("age").lt(30));
        assertThat(parse("age <= 30")).isEqualTo(attribute("age").le(30));
        assertThat(parse("age > 30")).isEqualTo(attribute("age").gt(30));
        assertThat(parse("age >= 30.50")).isEqualTo(attribute("age").ge(TypedValue.of(new BigDecimal("30.5"))));
        assertThat(parse("birthday < 1990-01-31")).isEqualTo(attribute("birthday").before(LocalDate.of(1990, 1, 31)));
        assertThat(parse("vip = true")).isEqualTo(attribute("vip").eq(true));
        assertThat(parse("balance >= -12.50 EUR")).isEqualTo(attribute("balance").ge(TypedValue.of(Fixtures.eur("-12.5"))));
        assertThat(parse("tier = gold")).isEqualTo(attribute("tier").eq(TypedValue.choice("gold")));
        assertThat(parse("city in (\"Berlin\", \"Hamburg\")")).isEqualTo(attribute("city").in("Berlin", "Hamburg"));
        assertThat(parse("age between 18 and 30")).isEqualTo(attribute("age").between(18, 30));
        assertThat(parse("city exists")).isEqualTo(attribute("city").exists());
        assertThat(parse("city contains \"er\"")).isEqualTo(attribute("city").contains("er"));
        assertThat(parse("city starts with \"Ber\"")).isEqualTo(attribute("city").startsWith("Ber"));
        assertThat(parse("attribute(\"count\") = 1")).isEqualTo(attribute("count").eq(1));
    }

    @Test
    void parse_profileScoreSegmentAndFunctionConditions() {
        assertThat(parse("stage = customer")).isEqualTo(stage(LifecycleStage.CUSTOMER));
        assertThat(parse("stage != lead")).isEqualTo(not(stage(LifecycleStage.LEAD)));
        assertThat(parse("stage in (lead, prospect)")).isEqualTo(stage(LifecycleStage.LEAD, LifecycleStage.PROSPECT));
        assertThat(parse("tags contains \"vip\"")).isEqualTo(tag("vip"));
        assertThat(parse("rfm.recency >= 4")).isEqualTo(score("rfm.recency").ge(4));
        assertThat(parse("clv.expected_value > 100.5")).isEqualTo(score("clv.expected_value")
                .is(Operator.GT, new BigDecimal("100.5")));
        assertThat(parse("score(\"engagement\") > 50")).isEqualTo(score("engagement").gt(50));
        assertThat(parse("segment(\"churn_risk\")")).isEqualTo(segment("churn_risk"));
        assertThat(parse("can_contact(email, marketing)")).isEqualTo(call("can_contact", TypedValue.choice("email"),
                TypedValue.choice("marketing")));
        assertThat(parse("is_reachable()")).isEqualTo(call("is_reachable"));
    }

    @Test
    void parse_interactionAggregates() {
        assertThat(parse("count(order_placed within 90d) >= 2"))
                .isEqualTo(count(InteractionType.ORDER_PLACED).within(Period.ofDays(90)).atLeast(2));
        assertThat(parse("count(page_view on web) > 10"))
                .isEqualTo(count(InteractionType.PAGE_VIEW).on(Channel.WEB).moreThan(10));
        assertThat(parse("count(email within 12h) = 0")).isEqualTo(count(Channel.EMAIL).within(Duration.ofHours(12))
                .exactly(0));
        assertThat(parse("count(any) < 3")).isEqualTo(count(InteractionFilter.ANY).lessThan(3));
        assertThat(parse("sum(amount of order_placed within 365d) > 100 EUR"))
                .isEqualTo(sum(InteractionType.ORDER_PLACED).within(Period.ofDays(365)).moreThan(Fixtures.eur("100")));
        assertThat(parse("sum(order_placed) <= 5 EUR")).isEqualTo(sum(InteractionType.ORDER_PLACED)
                .atMost(Fixtures.eur("5")));
        assertThat(parse("last(web) within 30d")).isEqualTo(last(Channel.WEB).within(Window.days(30)));
        assertThat(parse("last(\"web\" on phone) within 2h")).isEqualTo(last(InteractionType.of("web"))
                .on(Channel.PHONE).within(Window.hours(2)));
    }

    @Test
    void parse_issueExample_equalsBuilderChain() {
        String text = """
                stage = customer and tags contains "vip" and attribute("city") = "Berlin"
                  and count(order_placed within 90d) >= 2 and sum(amount of order_placed within 365d) > 100 EUR
                  and last(web) within 30d and score("engagement") > 50 and not segment("churn_risk")
                  and can_contact(email, marketing)""";
        Condition built = Segment.where(stage(LifecycleStage.CUSTOMER))
                .and(tag("vip"))
                .and(attribute("city").eq("Berlin"))
                .and(count(InteractionType.ORDER_PLACED).within(Period.ofDays(90)).atLeast(2))
                .and(sum(InteractionType.ORDER_PLACED).within(Period.ofDays(365)).moreThan(Fixtures.eur("100")))
                .and(last(Channel.WEB).within(Period.ofDays(30)))
                .and(score("engagement").gt(50))
                .and(not(segment("churn_risk")))
                .and(call("can_contact", TypedValue.choice("email"), TypedValue.choice("marketing")))
                .condition();
        assertThat(parse(text)).isEqualTo(built);
        assertThat(parse(SegmentLanguage.print(built))).isEqualTo(built);
    }

    @Test
    void parse_precedence_notBindsTighterThanAndTighterThanOr() {
        Condition a = attribute("age").gt(1);
        Condition b = attribute("age").gt(2);
        Condition c = attribute("age").gt(3);
        assertThat(parse("age > 1 or age > 2 and not age > 3")).isEqualTo(anyOf(a, allOf(b, not(c))));
        assertThat(parse("(age > 1 or age > 2) and age > 3")).isEqualTo(Segment.where(anyOf(a, b)).and(c).condition());
        assertThat(parse("age > 1 or age > 2 and age > 3")).isEqualTo(Segment.where(a).or(b).and(c).condition());
        assertThat(parse("age > 1 and age > 2 and age > 3")).isEqualTo(Segment.where(a).and(b).and(c).condition());
    }

    @Test
    void parse_currencyDirectlyAfterTheNumber_isTheAmount() {
        assertThat(parse("balance > 100EUR")).isEqualTo(parse("balance > 100 EUR"));
        assertThat(parse("sum(order_placed) >= -12.50USD")).isEqualTo(parse("sum(order_placed) >= -12.50 USD"));
    }

    @Test
    void parse_dateOutsideTheBareYears_isWrittenWithDate() {
        assertThat(parse("birthday = date(\"0000-01-01\")")).isEqualTo(attribute("birthday")
                .eq(TypedValue.of(LocalDate.of(0, 1, 1))));
        assertThat(parse("birthday = 1000-01-01")).isEqualTo(attribute("birthday")
                .eq(TypedValue.of(LocalDate.of(1000, 1, 1))));
    }

    @Test
    void parse_interactionFilter_typesDirectionCampaignAndProperties() {
        assertThat(parse("last(page_view where page = \"/pricing\") within 30d")).isEqualTo(last(
                interactions(InteractionType.PAGE_VIEW).withProperty("page", TypedValue.of("/pricing")))
                .within(Period.ofDays(30)));
        Condition full = parse("count(order_placed, \"web\", call on email outbound campaign \"spring\""
                + " where rating = 3 and property(\"and\") = gold within 7d) >= 2");
        assertThat(full).isEqualTo(count(interactions(InteractionType.ORDER_PLACED, InteractionType.of("web"),
                InteractionType.CALL).withChannel(Channel.EMAIL).withDirection(Direction.OUTBOUND)
                .withCampaign(CampaignId.of("spring")).withProperty("rating", TypedValue.of(3))
                .withProperty("and", TypedValue.choice("gold"))).within(Period.ofDays(7)).atLeast(2));
        assertThat(parse(SegmentLanguage.print(full))).isEqualTo(full);
        assertThat(parse("count(any inbound) = 0")).isEqualTo(count(InteractionFilter.ANY.withDirection(
                Direction.INBOUND)).exactly(0));
        assertThat(parse("count(inbound) = 0")).isEqualTo(parse("count(any inbound) = 0"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "count(page_view where page > 1) >= 1               | 1 | 28 | '>'       | '='",
        "count(page_view where page = 1 and page = 2) >= 1  | 1 | 36 | 'page'    | a property not tested yet",
        "count(call campaign spring) >= 1                   | 1 | 21 | 'spring'  | a campaign id in quotes",
        "count(call, and) >= 1                              | 1 | 13 | 'and'     | an interaction type",
        "count(call where 3 = 1) >= 1                       | 1 | 18 | '3'       | a property name",
    })
    void parse_malformedFilter_isRefused(String text, int line, int column, String found, String expected) {
        assertSyntaxError(text, line, column, found, expected);
    }

    private static void assertSyntaxError(String text, int line, int column, String found, String expected) {
        assertThatThrownBy(() -> parse(text.strip())).isInstanceOfSatisfying(SegmentSyntaxException.class, e -> {
            assertThat(e.line()).as("line").isEqualTo(line);
            assertThat(e.column()).as("column").isEqualTo(column);
            assertThat(e.found()).as("found").isEqualTo(found);
            assertThat(e.expected()).as("expected").startsWith(expected);
        });
    }

    @Test
    void parse_textTests_caseInsensitiveEndsWithRegexAndEmailDomain() {
        assertThat(parse("city = \"berlin\" ignoring case")).isEqualTo(attribute("city").equalsIgnoringCase("berlin"));
        assertThat(parse("city starts with \"b\" IGNORING CASE")).isEqualTo(attribute("city")
                .startsWithIgnoringCase("b"));
        assertThat(parse("city contains \"er\" ignoring case")).isEqualTo(attribute("city").containsIgnoringCase("er"));
        assertThat(parse("city ends with \"in\"")).isEqualTo(attribute("city").endsWith("in"));
        assertThat(parse("city ends with \"IN\" ignoring case")).isEqualTo(attribute("city")
                .endsWithIgnoringCase("IN"));
        assertThat(parse("city matches \"^B(er|on)\"")).isEqualTo(attribute("city").matches("^B(er|on)"));
        assertThat(parse("email domain = \"Example.COM\"")).isEqualTo(Conditions.emailDomain("example.com"));
        assertThat(parse("email domain in (\"a.de\", \"b.de\")")).isEqualTo(Conditions.emailDomain("b.de", "a.de"));
        assertThat(parse("email = \"x\" and email exists")).isEqualTo(allOf(attribute("email").eq("x"),
                attribute("email").exists()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "city matches \"(\"                  | 1 | 14 | string \"(\"      | a valid matches.pattern",
        "city matches \"a{2,1}\"             | 1 | 14 | string \"a{2,1}\" | a valid matches.pattern",
        "city = \"x\" ignoring cases         | 1 | 21 | 'cases'          | 'case'",
        "email domain = \"no domain\"        | 1 | 1  | 'email'          | a valid emailDomain.domains",
        "email domain > \"x.de\"             | 1 | 14 | '>'              | '=' or 'in'",
    })
    void parse_malformedTextTest_isRefused(String text, int line, int column, String found, String expected) {
        assertSyntaxError(text, line, column, found, expected);
    }

    @Test
    void builder_invalidPattern_isAValidationExceptionAtOnce() {
        assertThatThrownBy(() -> attribute("city").matches("(")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("matches.pattern"));
        assertThatThrownBy(() -> attribute("city").matches("x".repeat(1001))).isInstanceOf(
                ValidationException.class);
    }

    @Test
    void parse_aggregates_averageLeastGreatestDistinctAndComparisons() {
        InteractionFilter orders = InteractionFilter.of(InteractionType.ORDER_PLACED);
        assertThat(parse("avg(amount of order_placed within 365d) > 50EUR")).isEqualTo(
                Conditions.avg(orders).within(Period.ofDays(365)).moreThan(Fixtures.eur("50")));
        assertThat(parse("min(order_placed) >= 10 EUR")).isEqualTo(Conditions.min(orders).atLeast(Fixtures.eur("10")));
        assertThat(parse("max(amount in EUR of order_placed) <= 10 EUR")).isEqualTo(Conditions.max(orders)
                .atMost(Fixtures.eur("10")));
        assertThat(parse("count(distinct page of page_view within 30d) >= 3")).isEqualTo(Conditions.countDistinct(
                "page", InteractionFilter.of(InteractionType.PAGE_VIEW)).within(Period.ofDays(30)).atLeast(3));
        assertThat(parse("count(order_returned within 30d) > count(order_placed within 30d)")).isEqualTo(
                Conditions.compare(count(InteractionType.ORDER_RETURNED).within(Period.ofDays(30)).aggregate(),
                        Operator.GT, count(InteractionType.ORDER_PLACED).within(Period.ofDays(30)).aggregate()));
        Condition averages = parse("avg(amount in EUR of order_placed within 30d)"
                + " > avg(amount in EUR of order_placed within 365d)");
        assertThat(averages).isEqualTo(Conditions.compare(Conditions.avg(orders).within(Period.ofDays(30))
                .in(Fixtures.EUR), Operator.GT, Conditions.avg(orders).within(Period.ofDays(365)).in(Fixtures.EUR)));
        assertThat(parse("sum(amount in EUR of order_placed) >= sum(amount in EUR of order_returned)")).isEqualTo(
                Conditions.compare(sum(InteractionType.ORDER_PLACED).in(Fixtures.EUR), Operator.GE,
                        sum(InteractionType.ORDER_RETURNED).in(Fixtures.EUR)));
        assertThat(parse(SegmentLanguage.print(averages))).isEqualTo(averages);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "avg(order_placed) > avg(order_returned)          | 1 | 1  | 'avg'   | a currency where an amount",
        "avg(amount in EUR of order_placed) > 5 USD       | 1 | 38 | '5'     | an amount such as 100 EUR, in EUR",
        "count(order_placed) > sum(amount in EUR of call) | 1 | 23 | 'sum'   | a valid aggregateCompare.right",
        "avg(amount in XYZ of call) > 1 EUR               | 1 | 15 | 'XYZ'   | an ISO-4217 currency",
        "avg(order_placed) > 3                            | 1 | 21 | '3'     | an amount such as 100 EUR",
        "count(distinct and of call) > 3                  | 1 | 16 | 'and'   | a property name",
    })
    void parse_malformedAggregate_isRefused(String text, int line, int column, String found, String expected) {
        assertSyntaxError(text, line, column, found, expected);
    }

    @Test
    void parse_geography_countryPostalCodeAndDistance() {
        assertThat(parse("address country = \"DE\"")).isEqualTo(Conditions.addressCountry("DE"));
        assertThat(parse("address country in (\"DE\", \"AT\")")).isEqualTo(Conditions.addressCountry("AT", "DE"));
        assertThat(parse("address postal_code starts with \"10\"")).isEqualTo(Conditions.postalCodeStartsWith("10"));
        Condition near = parse("geo(lat, lon) within 25.5 km of (52.5200, -13.405)");
        assertThat(near).isEqualTo(Conditions.withinDistance("lat", "lon", new BigDecimal("25.5"),
                new BigDecimal("52.52"), new BigDecimal("-13.405")));
        assertThat(SegmentLanguage.print(near)).isEqualTo("geo(lat, lon) within 25.5 km of (52.52, -13.405)");
        assertThat(parse("address = 1")).isEqualTo(attribute("address").eq(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "address country = \"Germany\"                   | 1 | 9  | 'country'   | a valid addressCountry.countries",
        "geo(lat, lon) within 0 km of (1, 2)             | 1 | 1  | 'geo'       | a valid distance.kilometres",
        "geo(lat, lon) within 5 km of (91, 2)            | 1 | 1  | 'geo'       | a valid distance.centreLatitude",
        "geo(lat, lon) within 5 miles of (1, 2)          | 1 | 24 | 'miles'     | 'km'",
    })
    void parse_malformedGeography_isRefused(String text, int line, int column, String found, String expected) {
        assertSyntaxError(text, line, column, found, expected);
    }

    @Test
    void builder_andBindsTighterThanOr_likeTheText() {
        Condition a = attribute("age").gt(1);
        Condition b = attribute("age").gt(2);
        Condition c = attribute("age").gt(3);
        Condition d = attribute("age").gt(4);
        assertThat(Segment.where(a).or(b).and(c).condition()).isEqualTo(anyOf(a, allOf(b, c)));
        assertThat(Segment.where(a).and(b).or(c).and(d).condition()).isEqualTo(anyOf(allOf(a, b), allOf(c, d)));
        assertThat(Segment.where(anyOf(a, b)).and(c).condition()).isEqualTo(allOf(anyOf(a, b), c));
    }

    @Test
    void parse_keywordsIgnoreCase() {
        assertThat(parse("STAGE = Customer AND Tags Contains \"vip\" Or NOT city EXISTS"))
                .isEqualTo(parse("stage = customer and tags contains \"vip\" or not city exists"));
    }

    @Test
    void parse_stringEscapes() {
        assertThat(parse("city = \"a\\\"b\\\\c\\nd\\te\"")).isEqualTo(attribute("city").eq("a\"b\\c\nd\te"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "city =                     | 1 | 7  | end of input        | a value",
        "city = \"Berlin\" and      | 1 | 20 | end of input        | a condition",
        "age >> 3                   | 1 | 6  | '>'                 | a value",
        "count(order_placed) >= x   | 1 | 24 | 'x'                 | a whole number",
        "stage = king               | 1 | 9  | 'king'              | a lifecycle stage",
        "last(web) within 30        | 1 | 18 | '30'                | a window such as 30d or 12h",
        "city = \"open              | 1 | 8  | an unterminated string | a closing",
        "age = 3 )                  | 1 | 9  | ')'                 | 'and', 'or' or end of input",
        "city # 3                   | 1 | 6  | '#'                 | a name, a literal",
        "age > 1 and\\n  age ? 2    | 2 | 7  | '?'                 | a name, a literal",
        "birthday = 2024-02-30      | 1 | 12 | '2024-02-30'        | a valid calendar date",
        "sum(order_placed) > 5      | 1 | 21 | '5'                 | an amount such as 100 EUR",
        "City = \"x\"               | 1 | 1  | 'City'              | a valid attribute",
        "and = 1                    | 1 | 1  | 'and'               | a condition",
        "birthday = 0000-01-01      | 1 | 12 | '0000-01-01'        | a date in the years 1000 to 9999",
        "birthday = 0999-12-31      | 1 | 12 | '0999-12-31'        | a date in the years 1000 to 9999",
        "balance > 100XYZ           | 1 | 14 | 'X'                 | a space after the number",
        "balance > 100EURO          | 1 | 14 | 'E'                 | a space after the number",
    })
    void parse_malformed_namesLineColumnFoundAndExpected(String text, int line, int column, String found,
                                                          String expected) {
        assertThatThrownBy(() -> parse(text.replace("\\n", "\n").strip()))
                .isInstanceOfSatisfying(SegmentSyntaxException.class, e -> {
                    assertThat(e.line()).as("line").isEqualTo(line);
                    assertThat(e.column()).as("column").isEqualTo(column);
                    assertThat(e.found()).as("found").isEqualTo(found);
                    assertThat(e.expected()).as("expected").startsWith(expected);
                    assertThat(e.getMessage()).contains("line " + line + ", column " + column);
                });
    }

    @Test
    void parse_deepNesting_isRefusedWithTheLimit() {
        String deep = "(".repeat(10_000) + "age > 1" + ")".repeat(10_000);
        assertThatThrownBy(() -> parse(deep)).isInstanceOfSatisfying(SegmentSyntaxException.class,
                e -> assertThat(e.expected()).contains("at most 64 nested"));
        String nots = "not ".repeat(100_000 / 4 - 10) + "vip = true";
        assertThatThrownBy(() -> parse(nots)).isInstanceOf(SegmentSyntaxException.class);
        String ok = "(".repeat(64) + "age > 1" + ")".repeat(64);
        assertThat(parse(ok)).isEqualTo(attribute("age").gt(1));
    }

    @Test
    void parse_tooLongText_isRefused() {
        assertThatThrownBy(() -> parse(" ".repeat(SegmentLanguage.MAX_LENGTH + 1)))
                .isInstanceOfSatisfying(SegmentSyntaxException.class,
                        e -> assertThat(e.expected()).contains("at most"));
    }

    @Test
    void print_writesCanonicalText() {
        Condition c = Segment.where(anyOf(attribute("tier").in(TypedValue.choice("gold"), TypedValue.choice("a-b")),
                        count(InteractionType.of("email")).on(Channel.WEB).within(Window.hours(3)).atLeast(1)))
                .and(not(allOf(tag("vip"), attribute("stage").exists())))
                .condition();
        assertThat(SegmentLanguage.print(c)).isEqualTo("(tier in (gold, choice(\"a-b\")) or count(\"email\" on web"
                + " within 3h) >= 1) and not (tags contains \"vip\" and attribute(\"stage\") exists)");
        assertThat(parse(SegmentLanguage.print(c))).isEqualTo(c);
    }

    @Test
    void builder_windowsOfMonths_areRefused() {
        assertThatThrownBy(() -> count(InteractionType.CALL).within(Period.ofMonths(1)))
                .isInstanceOf(ValidationException.class);
        assertThat(new Condition.CountCompare(InteractionFilter.ANY, Optional.empty(), Operator.EQ, 0))
                .isEqualTo(count(InteractionFilter.ANY).exactly(0));
    }
}
