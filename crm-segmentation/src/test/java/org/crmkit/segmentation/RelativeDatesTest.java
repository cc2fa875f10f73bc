package org.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeDatesTest {
    private final SegmentCatalog catalog = Fixtures.catalog();

    @Test
    void parse_relativeDates_equalTheBuilder() {
        assertThat(SegmentLanguage.parse("days_since(birthday) > 30")).isEqualTo(Conditions.timeSince("birthday",
                ChronoUnit.DAYS, Operator.GT, 30));
        assertThat(SegmentLanguage.parse("years_since(stage) >= 1")).isEqualTo(Conditions.timeSinceStageEntered(
                ChronoUnit.YEARS, Operator.GE, 1));
        assertThat(SegmentLanguage.parse("months_since(created) < -2")).isEqualTo(Conditions.timeSinceCreated(
                ChronoUnit.MONTHS, Operator.LT, -2));
        assertThat(SegmentLanguage.parse("days_since(attribute(\"created\")) = 1")).isEqualTo(Conditions.timeSince(
                "created", ChronoUnit.DAYS, Operator.EQ, 1));
        assertThat(SegmentLanguage.parse("anniversary(birthday) within 7d")).isEqualTo(Conditions.anniversaryWithin(
                "birthday", Period.ofDays(7)));
        assertThat(SegmentLanguage.parse("count(order_placed since 2025-01-01) = 0")).isEqualTo(Conditions.count(
                InteractionType.ORDER_PLACED).within(Window.since(LocalDate.of(2025, 1, 1)))
                .exactly(0));
        assertThat(SegmentLanguage.parse("sum(order_placed last quarter) > 5 EUR")).isEqualTo(Conditions.sum(
                InteractionType.ORDER_PLACED).within(Window.calendar(Window.Calendar.Unit.QUARTER, true))
                .moreThan(Fixtures.eur("5")));
        assertThat(SegmentLanguage.print(SegmentLanguage.parse("last(web) this week"))).isEqualTo(
                "last(web) this week");
        assertThat(SegmentLanguage.print(SegmentLanguage.parse("last(web) since date(\"0999-01-01\")")))
                .isEqualTo("last(web) since date(\"0999-01-01\")");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "anniversary(birthday) within 12h | a window of days",
        "anniversary(stage) within 7d     | a date attribute",
        "days_since(3) > 1                | an attribute, 'stage' or 'created'",
        "count(call since 30d) > 1        | a value",
        "last(call) 30d                   | 'within', 'since', 'this' or 'last'",
        "count(call this decade) > 1      | week, month, quarter or year",
    })
    void parse_malformedDate_isRefused(String text, String expected) {
        assertThatThrownBy(() -> SegmentLanguage.parse(text.strip())).isInstanceOfSatisfying(
                SegmentSyntaxException.class, e -> assertThat(e.expected()).startsWith(expected));
    }

    @Test
    void define_relativeDateOnANonDate_isATypeError() {
        assertThatThrownBy(() -> catalog.define("bad", "days_since(city) > 3")).isInstanceOfSatisfying(
                SegmentTypeException.class, e -> assertThat(e.reason()).isEqualTo("attribute 'city' of type STRING"
                        + " is not a date"));
        assertThatThrownBy(() -> catalog.define("bad", "anniversary(age) within 7d")).isInstanceOf(
                SegmentTypeException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // now is 2026-03-15T10:00Z, 11:00 in Berlin
        "1990-03-15 | 1 | true",
        "1990-03-14 | 365 | true",
        "1990-03-14 | 364 | false",
        "1990-03-21 | 7 | true",
        "1990-03-22 | 7 | false",
        "1960-02-29 | 351 | true",
        "1960-02-29 | 350 | false",
    })
    void anniversary_coversTodayAndTheNextDaysMinusOne(LocalDate birthday, int days, boolean member) {
        catalog.define("soon", "anniversary(birthday) within " + days + "d");
        CustomerSnapshot c = CustomerSnapshot.of(Fixtures.customer("c1").attribute("birthday",
                TypedValue.of(birthday)).build());
        assertThat(SegmentEvaluator.of(catalog, Fixtures.CLOCK, Fixtures.ZONE).matches("soon", c)).isEqualTo(member);
    }

    @Test
    void daysSince_countsCalendarDaysInTheZone() {
        catalog.define("yesterday", "days_since(birthday) = 1");
        CustomerSnapshot c = CustomerSnapshot.of(Fixtures.customer("c1").attribute("birthday",
                TypedValue.of(LocalDate.of(2026, 3, 14))).build());
        Instant lateEvening = Instant.parse("2026-03-15T23:30:00Z");
        assertThat(SegmentEvaluator.of(catalog, Clock.fixed(lateEvening, ZoneId.of("UTC")), ZoneId.of("UTC"))
                .matches("yesterday", c)).isTrue();
        assertThat(SegmentEvaluator.of(catalog, Clock.fixed(lateEvening, Fixtures.ZONE), Fixtures.ZONE)
                .matches("yesterday", c)).isFalse();
    }

    @Test
    void stageEntered_isTheLastTransitionsDay() {
        catalog.define("fresh", "days_since(stage) <= 30 and stage = customer");
        Instant entered = Fixtures.NOW.minus(java.time.Duration.ofDays(30));
        CustomerSnapshot c = CustomerSnapshot.of(Fixtures.customer("c1").stage(LifecycleStage.CUSTOMER, entered)
                .build());
        assertThat(SegmentEvaluator.of(catalog, Fixtures.CLOCK, Fixtures.ZONE).matches("fresh", c)).isTrue();
        Clock dayLater = Clock.offset(Fixtures.CLOCK, java.time.Duration.ofDays(1));
        assertThat(SegmentEvaluator.of(catalog, dayLater, Fixtures.ZONE).matches("fresh", c)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // now is Sunday 2026-03-15, 11:00 in Berlin
        "this week    | 2026-03-08T23:00:00Z | true",
        "this week    | 2026-03-08T22:59:59Z | false",
        "last week    | 2026-03-08T22:59:59Z | true",
        "last week    | 2026-03-01T22:59:59Z | false",
        "this month   | 2026-02-28T23:00:00Z | true",
        "last month   | 2026-02-28T22:59:59Z | true",
        "last month   | 2026-02-28T23:00:00Z | false",
        "this quarter | 2025-12-31T23:00:00Z | true",
        "last quarter | 2025-12-31T22:59:59Z | true",
        "last quarter | 2025-09-30T21:59:59Z | false",
        "this year    | 2025-12-31T22:59:59Z | false",
        "last year    | 2025-01-01T00:00:00Z | true",
    })
    void calendarWindow_coversTheWholePeriodInTheZone(String window, Instant at, boolean member) {
        catalog.define("period", "last(web) " + window);
        CustomerSnapshot c = new CustomerSnapshot(Fixtures.customer("c1").build(), InteractionHistory.of(
                java.util.List.of(Fixtures.interaction("i1", "c1", InteractionType.PAGE_VIEW, Channel.WEB, at))),
                java.util.Map.of());
        assertThat(SegmentEvaluator.of(catalog, Fixtures.CLOCK, Fixtures.ZONE).matches("period", c))
                .isEqualTo(member);
    }

    @Test
    void sinceWindow_startsAtTheStartOfTheDayInTheZone() {
        catalog.define("recent", "last(web) since 2026-03-15");
        CustomerSnapshot before = new CustomerSnapshot(Fixtures.customer("c1").build(), InteractionHistory.of(
                java.util.List.of(Fixtures.interaction("i1", "c1", InteractionType.PAGE_VIEW, Channel.WEB,
                        Instant.parse("2026-03-14T22:59:59.999Z")))), java.util.Map.of());
        CustomerSnapshot at = new CustomerSnapshot(Fixtures.customer("c2").build(), InteractionHistory.of(
                java.util.List.of(Fixtures.interaction("i2", "c2", InteractionType.PAGE_VIEW, Channel.WEB,
                        Instant.parse("2026-03-14T23:00:00Z")))), java.util.Map.of());
        SegmentEvaluator evaluator = SegmentEvaluator.of(catalog, Fixtures.CLOCK, Fixtures.ZONE);
        assertThat(evaluator.matches("recent", before)).isFalse();
        assertThat(evaluator.matches("recent", at)).isTrue();
    }
}
