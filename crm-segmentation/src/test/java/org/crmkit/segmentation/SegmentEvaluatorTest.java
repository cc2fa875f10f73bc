package org.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.InteractionType;
import org.junit.jupiter.api.Test;

class SegmentEvaluatorTest {
    private final SegmentCatalog catalog = Fixtures.catalog();
    private final SegmentEvaluator evaluator = SegmentEvaluator.of(catalog, Fixtures.CLOCK, Fixtures.ZONE);

    private final CustomerSnapshot ada = new CustomerSnapshot(Fixtures.customer("ada")
            .attribute("city", TypedValue.of("Berlin")).attribute("age", TypedValue.of(36))
            .attribute("tier", TypedValue.choice("gold")).attribute("balance", TypedValue.of(Fixtures.eur("10")))
            .tag("vip").stage(LifecycleStage.CUSTOMER, Fixtures.CREATED).build(),
            InteractionHistory.of(List.of(
                    Fixtures.order("o1", "ada", Channel.WEB, Fixtures.NOW.minusSeconds(86_400 * 10), "60.00"),
                    Fixtures.order("o2", "ada", Channel.PHONE, Fixtures.NOW.minusSeconds(86_400 * 100), "50.00"),
                    Fixtures.interaction("p1", "ada", InteractionType.PAGE_VIEW, Channel.WEB,
                            Fixtures.NOW.minusSeconds(3600 * 5)))),
            Map.of("engagement", 72.5, "rfm.recency", 5.0));
    private final CustomerSnapshot bob = new CustomerSnapshot(Fixtures.customer("bob")
            .attribute("city", TypedValue.of("Hamburg")).attribute("vip", TypedValue.of(false)).build(),
            InteractionHistory.empty(), Map.of("engagement", 10.0));
    private final List<CustomerSnapshot> base = List.of(ada, bob);

    private List<String> members(String text) {
        catalog.define("s", text);
        return evaluator.members("s", base).stream().map(CustomerId::value).sorted().toList();
    }

    @Test
    void members_attributeOperators() {
        assertThat(members("city = \"Berlin\"")).containsExactly("ada");
        assertThat(members("city != \"Berlin\"")).containsExactly("bob");
        assertThat(members("age != 3")).as("missing attribute: every comparison false").containsExactly("ada");
        assertThat(members("not age = 3")).containsExactly("ada", "bob");
        assertThat(members("age between 36 and 40")).containsExactly("ada");
        assertThat(members("tier in (gold, silver)")).containsExactly("ada");
        assertThat(members("tier = \"gold\"")).containsExactly("ada");
        assertThat(members("vip exists")).containsExactly("bob");
        assertThat(members("city contains \"mbu\"")).containsExactly("bob");
        assertThat(members("city starts with \"Ber\"")).containsExactly("ada");
        assertThat(members("balance >= 10 EUR")).containsExactly("ada");
    }

    @Test
    void members_profileScoreAndFunctionConditions() {
        assertThat(members("stage = customer")).containsExactly("ada");
        assertThat(members("stage in (prospect, lead)")).containsExactly("bob");
        assertThat(members("tags contains \"vip\"")).containsExactly("ada");
        assertThat(members("score(\"engagement\") > 50")).containsExactly("ada");
        assertThat(members("rfm.recency >= 5")).containsExactly("ada");
        assertThat(members("has_tag_prefix(\"v\")")).containsExactly("ada");
        catalog.define("berliners", "city = \"Berlin\"");
        assertThat(members("not segment(\"berliners\")")).containsExactly("bob");
    }

    @Test
    void members_interactionAggregatesInWindows() {
        assertThat(members("count(order_placed) = 2")).containsExactly("ada");
        assertThat(members("count(order_placed within 90d) = 1")).containsExactly("ada");
        assertThat(members("count(any) = 0")).containsExactly("bob");
        assertThat(members("count(web within 6h) = 1")).containsExactly("ada");
        assertThat(members("count(web within 4h) = 1")).isEmpty();
        assertThat(members("sum(order_placed) = 110 EUR")).containsExactly("ada");
        assertThat(members("sum(order_placed on web within 30d) > 59.99 EUR")).containsExactly("ada");
        assertThat(members("sum(order_placed) = 0 USD")).containsExactly("ada", "bob");
        assertThat(members("last(order_placed on phone) within 99d")).isEmpty();
        assertThat(members("last(order_placed on phone) within 101d")).containsExactly("ada");
    }

    @Test
    void dayWindows_startAtMidnightInTheGivenZone() {
        Instant now = Instant.parse("2026-03-15T10:00:00Z");
        Instant beforeYesterdayInBerlin = Instant.parse("2026-03-13T22:30:00Z");
        Instant yesterdayInBerlin = Instant.parse("2026-03-14T04:30:00Z");
        CustomerSnapshot c = new CustomerSnapshot(Fixtures.customer("c").build(), InteractionHistory.of(List.of(
                Fixtures.interaction("i1", "c", InteractionType.CALL, Channel.PHONE, beforeYesterdayInBerlin),
                Fixtures.interaction("i2", "c", InteractionType.CALL, Channel.PHONE, yesterdayInBerlin))),
                Map.of());
        catalog.define("s", "count(call within 2d) = 1");
        assertThat(SegmentEvaluator.of(catalog, Clock.fixed(now, Fixtures.ZONE), ZoneId.of("Europe/Berlin"))
                .matches("s", c)).as("Berlin: window starts 2026-03-14T00:00+01:00").isTrue();
        catalog.define("s", "count(call within 2d) = 0");
        assertThat(SegmentEvaluator.of(catalog, Clock.fixed(now, Fixtures.ZONE), ZoneId.of("Pacific/Kiritimati"))
                .matches("s", c)).as("Kiritimati (UTC+14): both fall before 2026-03-15T00:00+14:00").isTrue();
    }

    @Test
    void members_unknownSegment_isNotFound() {
        assertThatThrownBy(() -> evaluator.members("nope", base)).isInstanceOf(NotFoundException.class);
    }
}
