package org.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.segmentation.Conditions.attribute;
import static org.crmkit.segmentation.Conditions.not;

import java.util.List;

import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.ValueType;
import org.crmkit.spi.customer.AttributeDefinition;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.Matches;
import org.crmkit.spi.segment.SegmentDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentCatalogTest {
    private final SegmentCatalog catalog = Fixtures.catalog();

    @Test
    void define_validText_storesTheParsedDefinition() {
        SegmentDefinition d = catalog.define("berliners", "city = \"Berlin\" and tier in (gold, \"silver\")");
        assertThat(catalog.definition("berliners")).contains(d);
        assertThat(catalog.definitions()).containsExactly(d);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "town = \"Berlin\"                      | unknown attribute 'town'",
        "birthday > 5                           | attribute 'birthday' is of type DATE, compared with a NUMBER 5",
        "age = 2024-01-01                       | attribute 'age' is of type NUMBER, compared with a DATE",
        "city < \"B\"                           | attribute 'city' of type STRING has no order",
        "tier = platinum                        | attribute 'tier' is not one of",
        "balance > 5 USD                        | attribute 'balance' must be in EUR",
        "age contains \"1\"                     | attribute 'age' of type NUMBER is not text",
        "vip between true and false             | attribute 'vip' of type BOOLEAN has no order",
        "city in (\"a\", 3)                     | attribute 'city' is of type STRING, compared with a NUMBER 3",
        "score(\"loyalty\") > 1                 | unknown score 'loyalty'",
        "segment(\"nobody\")                    | unknown segment 'nobody'",
        "can_contact(email, marketing)          | unknown function 'can_contact'",
        "has_tag_prefix()                       | function 'has_tag_prefix' takes 1 arguments, not 0",
        "has_tag_prefix(3)                      | argument 1 (prefix) is of type STRING, compared with a NUMBER 3",
        "count(order_plcd) >= 1                 | unknown interaction type 'order_plcd'",
        "age ends with \"1\"                    | attribute 'age' of type NUMBER is not text",
        "tier = \"gold\" ignoring case          | attribute 'tier' of type ENUMERATION is not text",
        "vip matches \"t\"                      | attribute 'vip' of type BOOLEAN is not text",
        "geo(city, lon) within 5 km of (1, 2)   | attribute 'city' of type STRING is not a number",
        "geo(lat, longitude) within 5 km of (1, 2) | unknown attribute 'longitude'",
        "last(\"order_plcd\" on web) within 30d | unknown interaction type 'order_plcd'",
        "sum(amount of webinar) > 1 EUR         | unknown interaction type 'webinar'",
    })
    void define_illTyped_failsAtDefinitionNamingNodeAndReason(String text, String reason) {
        assertThatThrownBy(() -> catalog.define("bad", text)).isInstanceOfSatisfying(SegmentTypeException.class, e -> {
            assertThat(e.segment()).isEqualTo("bad");
            assertThat(e.reason()).startsWith(reason);
            assertThat(e.getMessage()).contains("segment 'bad'").contains(reason);
        });
        assertThat(catalog.definition("bad")).isEmpty();
    }

    @Test
    void define_invalidPatternFromJavaOrJson_isATypeError() {
        assertThatThrownBy(() -> catalog.define(new SegmentDefinition("bad", new Matches("city", "a**"))))
                .isInstanceOfSatisfying(SegmentTypeException.class,
                        e -> assertThat(e.reason()).startsWith("pattern is not a regular expression in RE2 syntax"));
    }

    @Test
    void define_registeredCustomInteractionType_isAccepted() {
        SegmentCatalog custom = SegmentCatalog.builder().interactionType(InteractionType.of("webinar")).build();
        custom.define("attendees", "count(webinar within 90d) >= 1 and count(order_placed) = 0");
        assertThat(custom.interactionTypes()).contains(InteractionType.of("webinar"), InteractionType.ORDER_PLACED);
        assertThatThrownBy(() -> custom.define("typo", "count(webinr) >= 1"))
                .isInstanceOfSatisfying(SegmentTypeException.class,
                        e -> assertThat(e.reason()).startsWith("unknown interaction type 'webinr'"));
    }

    @Test
    void define_typeError_namesTheInnermostOffendingNode() {
        assertThatThrownBy(() -> catalog.define("bad", "vip = true and not (age > 1 or town exists)"))
                .isInstanceOfSatisfying(SegmentTypeException.class,
                        e -> assertThat(e.node()).isEqualTo(new Condition.Exists("town")));
    }

    @Test
    void define_referenceCycle_isRefused() {
        catalog.define("a", "vip = true");
        catalog.define("b", "segment(\"a\") and age > 3");
        assertThatThrownBy(() -> catalog.define("a", "segment(\"b\")"))
                .isInstanceOfSatisfying(SegmentTypeException.class,
                        e -> assertThat(e.reason()).contains("cycle").contains("a -> b -> a"));
        assertThatThrownBy(() -> catalog.define("self", "segment(\"self\")"))
                .isInstanceOf(SegmentTypeException.class);
        assertThat(catalog.definition("a").orElseThrow().condition()).isEqualTo(attribute("vip").eq(true));
    }

    @Test
    void define_deepBuilderCondition_isRefusedWithTheLimit() {
        Condition deep = attribute("vip").eq(true);
        for (int i = 0; i < 5_000; i++) {
            deep = not(deep);
        }
        Condition tooDeep = deep;
        assertThatThrownBy(() -> catalog.define(new SegmentDefinition("deep", tooDeep)))
                .isInstanceOfSatisfying(SegmentTypeException.class,
                        e -> assertThat(e.reason()).contains("nesting deeper than 64"));
    }

    @Test
    void resolve_inlinesReferencesTransitively() {
        catalog.define("a", "vip = true");
        catalog.define("b", "segment(\"a\") or age > 3");
        catalog.define("c", "not segment(\"b\")");
        assertThat(catalog.resolve("c").condition())
                .isEqualTo(SegmentLanguage.parse("not (vip = true or age > 3)"));
        assertThatThrownBy(() -> catalog.resolve("zzz")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void remove_referencedSegment_isRefused() {
        catalog.define("a", "vip = true");
        catalog.define("b", "segment(\"a\")");
        assertThatThrownBy(() -> catalog.remove("a")).isInstanceOf(ValidationException.class);
        catalog.remove("b");
        catalog.remove("a");
        assertThat(catalog.definitions()).isEmpty();
    }

    @Test
    void builder_reservedOrDuplicateFunction_isRefused() {
        assertThatThrownBy(() -> new PredicateFunction("count", List.of(), (s, a) -> true))
                .isInstanceOf(ValidationException.class);
        PredicateFunction f = new PredicateFunction("ok", List.of(AttributeDefinition.of("x", ValueType.NUMBER)),
                (s, a) -> true);
        assertThatThrownBy(() -> SegmentCatalog.builder().function(f).function(f))
                .isInstanceOf(ValidationException.class);
    }
}
