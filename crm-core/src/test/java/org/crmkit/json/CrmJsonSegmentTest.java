package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.crmkit.segmentation.Conditions.attribute;
import static org.crmkit.segmentation.Conditions.call;
import static org.crmkit.segmentation.Conditions.count;
import static org.crmkit.segmentation.Conditions.last;
import static org.crmkit.segmentation.Conditions.not;
import static org.crmkit.segmentation.Conditions.score;
import static org.crmkit.segmentation.Conditions.segment;
import static org.crmkit.segmentation.Conditions.stage;
import static org.crmkit.segmentation.Conditions.sum;
import static org.crmkit.segmentation.Conditions.tag;

import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.crmkit.json.internal.ConditionCodec;
import org.crmkit.segmentation.Segment;
import org.crmkit.segmentation.SegmentLanguage;
import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.SegmentChange;
import org.crmkit.spi.segment.SegmentDefinition;
import org.crmkit.spi.segment.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON form of segments: its pinned format and its agreement with the segment language and the Java builder. */
class CrmJsonSegmentTest {
    static final String ISSUE_TEXT = """
            stage = customer and tags contains "vip" and city = "Berlin"
              and count(order_placed within 90d) >= 2
              and sum(amount of order_placed within 365d) > 100 EUR
              and last(web) within 30d
              and score("engagement") > 50
              and not segment("churn_risk")
              and can_contact(email, marketing)""";

    /** The issue's example segment, pretty printed: pins the format of the cases it holds. */
    static final String ISSUE_JSON = """
            {
              "name": "active_vips",
              "condition": {
                "type": "and",
                "operands": [
                  {
                    "type": "stage_in",
                    "stages": [
                      "customer"
                    ]
                  },
                  {
                    "type": "has_tag",
                    "tag": "vip"
                  },
                  {
                    "type": "compare",
                    "attribute": "city",
                    "operator": "eq",
                    "value": {
                      "type": "text",
                      "value": "Berlin"
                    }
                  },
                  {
                    "type": "count_compare",
                    "filter": {
                      "type": "order_placed"
                    },
                    "window": {
                      "amount": 90,
                      "unit": "days"
                    },
                    "operator": "ge",
                    "count": 2
                  },
                  {
                    "type": "sum_compare",
                    "filter": {
                      "type": "order_placed"
                    },
                    "window": {
                      "amount": 365,
                      "unit": "days"
                    },
                    "operator": "gt",
                    "amount": {
                      "amount": "100.00",
                      "currency": "EUR"
                    }
                  },
                  {
                    "type": "occurred_within",
                    "filter": {
                      "channel": "web"
                    },
                    "window": {
                      "amount": 30,
                      "unit": "days"
                    }
                  },
                  {
                    "type": "score_compare",
                    "score": "engagement",
                    "operator": "gt",
                    "value": 50
                  },
                  {
                    "type": "not",
                    "operand": {
                      "type": "segment_ref",
                      "name": "churn_risk"
                    }
                  },
                  {
                    "type": "function_call",
                    "name": "can_contact",
                    "arguments": [
                      {
                        "type": "choice",
                        "value": "email"
                      },
                      {
                        "type": "choice",
                        "value": "marketing"
                      }
                    ]
                  }
                ]
              }
            }""";
    /** The remaining cases, an hour window, the filter of every interaction and a decimal score, compact. */
    static final String OTHER_CASES_JSON = """
            {"type":"or","operands":[\
            {"type":"in","attribute":"tier","values":[{"type":"choice","value":"gold"},\
            {"type":"text","value":"silver"}]},\
            {"type":"between","attribute":"birthday","low":{"type":"date","value":"1970-01-01"},\
            "high":{"type":"date","value":"1989-12-31"}},\
            {"type":"exists","attribute":"email"},\
            {"type":"contains","attribute":"city","text":"er"},\
            {"type":"starts_with","attribute":"city","prefix":"B"},\
            {"type":"stage_in","stages":["lead","churned"]},\
            {"type":"count_compare","filter":{},"operator":"lt","count":1},\
            {"type":"sum_compare","filter":{"type":"order_returned","channel":"in_person"},\
            "window":{"amount":12,"unit":"hours"},"operator":"le","amount":{"amount":"-5","currency":"JPY"}},\
            {"type":"score_compare","score":"rfm.recency","operator":"ne","value":-2.5},\
            {"type":"not","operand":{"type":"and","operands":[\
            {"type":"compare","attribute":"vip","operator":"eq","value":{"type":"bool","value":true}},\
            {"type":"function_call","name":"is_open","arguments":[]}]}}]}""";

    final CrmJson json = CrmJson.create();
    final CrmJson pretty = CrmJson.builder().prettyPrinting(true).build();

    static SegmentDefinition issueExampleBuilt() {
        return Segment.where(stage(LifecycleStage.CUSTOMER))
                .and(tag("vip"))
                .and(attribute("city").eq("Berlin"))
                .and(count(InteractionType.ORDER_PLACED).within(Period.ofDays(90)).atLeast(2))
                .and(sum(InteractionType.ORDER_PLACED).within(Period.ofDays(365)).moreThan(Money.of("100", "EUR")))
                .and(last(Channel.WEB).within(Period.ofDays(30)))
                .and(score("engagement").gt(50))
                .and(not(segment("churn_risk")))
                .and(call("can_contact", TypedValue.choice("email"), TypedValue.choice("marketing")))
                .named("active_vips");
    }

    static final String OTHER_CASES_TEXT = """
            tier in (gold, "silver") or birthday between 1970-01-01 and 1989-12-31 or email exists
              or city contains "er" or city starts with "B" or stage in (lead, churned) or count(any) < 1
              or sum(order_returned on in_person within 12h) <= -5 JPY or rfm.recency != -2.5
              or not (vip = true and is_open())""";

    static final Condition LEAF = new Condition.Exists("email");
    static final String LEAF_JSON = "{\"type\":\"exists\",\"attribute\":\"email\"}";

    static Condition nots(int depth) {
        Condition c = LEAF;
        for (int i = 0; i < depth; i++) {
            c = new Condition.Not(c);
        }
        return c;
    }

    static String notsJson(int depth) {
        return "{\"type\":\"not\",\"operand\":".repeat(depth) + LEAF_JSON + "}".repeat(depth);
    }

    static String operandPath(int depth) {
        return "$" + ".operand".repeat(depth);
    }

    JsonCodecException failure(String text, Class<?> type) {
        return catchThrowableOfType(JsonCodecException.class, () -> json.read(text, type));
    }

    // --- format ---

    @Test
    void issueExample_isWrittenAsPinned() {
        assertThat(pretty.write(issueExampleBuilt())).isEqualTo(ISSUE_JSON);
        assertThat(json.read(ISSUE_JSON, SegmentDefinition.class)).isEqualTo(issueExampleBuilt());
    }

    @Test
    void otherCases_areWrittenAsPinned() {
        Condition parsed = SegmentLanguage.parse(OTHER_CASES_TEXT);
        assertThat(json.write(parsed)).isEqualTo(OTHER_CASES_JSON);
        assertThat(json.read(OTHER_CASES_JSON, Condition.class)).isEqualTo(parsed);
    }

    @Test
    void segmentChange_isWrittenWithItsKindInLowerCase() {
        SegmentChange change = new SegmentChange(SegmentChange.Kind.LEFT, JsonFixtures.TENANT, "active_vips",
                CustomerId.of("c-1"), JsonFixtures.T0);
        String text = "{\"kind\":\"left\",\"tenant\":\"acme\",\"segment\":\"active_vips\",\"customer\":\"c-1\","
                + "\"at\":\"2026-01-01T00:00:00Z\"}";
        assertThat(json.write(change)).isEqualTo(text);
        assertThat(json.read(text, SegmentChange.class)).isEqualTo(change);
    }

    @Test
    void operatorWindowAndFilter_areReadOnTheirOwn() {
        assertThat(json.read("\"ge\"", Operator.class)).isEqualTo(Operator.GE);
        assertThat(json.read("{\"amount\":3,\"unit\":\"hours\"}", Window.class)).isEqualTo(Window.hours(3));
        assertThat(json.read("{}", InteractionFilter.class)).isEqualTo(InteractionFilter.ANY);
        assertThat(json.write(InteractionFilter.of(InteractionType.CALL, Channel.PHONE)))
                .isEqualTo("{\"type\":\"call\",\"channel\":\"phone\"}");
    }

    // --- text, JSON and builder agree ---

    @Test
    void issueExample_textJsonAndBuilder_giveTheSameAst() {
        Condition fromText = SegmentLanguage.parse(ISSUE_TEXT);
        Condition fromBuilder = issueExampleBuilt().condition();
        Condition fromJson = json.read(ISSUE_JSON, SegmentDefinition.class).condition();

        assertThat(fromText).isEqualTo(fromBuilder).isEqualTo(fromJson);
        assertThat(json.read(json.write(fromText), Condition.class)).isEqualTo(fromText);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "stage != lead",
        "not not not vip = false",
        "a = 1 or b = 2 and not (c = 3 or d = 4)",
        "attribute(\"count\") > 2.50 and tier = choice(\"a-b\") and born < date(\"+10000-01-01\")",
        "balance >= -12.50 EUR and day = 2024-02-29 and name != \"Bad \\\"Quote\\\"\\n\"",
        "tags contains \"churn-risk\" or tags contains new",
        "count(\"web\" on email within 1h) = 0 and count(call) != 3 and count(on sms within 36600d) > 1",
        "sum(any within 7d) > 0 USD and sum(amount of \"any\") < 1 BHD",
        "last(order_placed on partner) within 10000h",
        "score(\"engagement\") <= 0 and rfm.frequency > 1",
        "segment(\"base_vip\") and can_contact(email, choice(\"marketing\"), 3, true, \"x\", 1 EUR)",
        "x in (1, 2.5, true, \"t\", 2024-01-31, 5 EUR, word)",
        "(((a exists)))"})
    void text_throughJson_givesTheSameAst(String text) {
        Condition parsed = SegmentLanguage.parse(text);

        String written = json.write(parsed);

        assertThat(json.read(written, Condition.class)).isEqualTo(parsed);
        assertThat(json.read(json.write(new SegmentDefinition("s", parsed)), SegmentDefinition.class).condition())
                .isEqualTo(parsed);
    }

    @Test
    void codecNestingLimit_isTheSegmentLanguagesLimit() {
        assertThat(ConditionCodec.MAX_NESTING).isEqualTo(SegmentLanguage.MAX_NESTING);
    }

    // --- nesting ---

    @Test
    void nestingAtTheLimit_isWrittenAndRead() {
        Condition deepest = nots(ConditionCodec.MAX_NESTING);
        assertThat(json.write(deepest)).isEqualTo(notsJson(ConditionCodec.MAX_NESTING));
        assertThat(json.read(notsJson(ConditionCodec.MAX_NESTING), Condition.class)).isEqualTo(deepest);
    }

    @Test
    void deepestJsonOfAConditionAtTheLimit_isRead() {
        Condition c = new Condition.In("a", List.of(TypedValue.of(Money.of("1", "EUR"))));
        for (int i = 0; i < ConditionCodec.MAX_NESTING; i++) {
            c = i % 2 == 0 ? new Condition.And(List.of(LEAF, c)) : new Condition.Or(List.of(c, LEAF));
        }
        SegmentDefinition definition = new SegmentDefinition("deep", c);

        assertThat(json.read(json.write(c), Condition.class)).isEqualTo(c);
        assertThat(json.read(json.write(definition), SegmentDefinition.class)).isEqualTo(definition);
    }

    @Test
    void nestingBeyondTheLimit_isRefusedAtTheTooDeepCondition() {
        JsonCodecException e = failure(notsJson(ConditionCodec.MAX_NESTING + 1), Condition.class);
        assertThat(e.path()).isEqualTo(operandPath(ConditionCodec.MAX_NESTING + 1));
        assertThat(e.reason()).isEqualTo("nesting deeper than 64 (and, or, not)");

        String definition = "{\"name\":\"s\",\"condition\":" + notsJson(ConditionCodec.MAX_NESTING + 1) + "}";
        assertThat(failure(definition, SegmentDefinition.class).path())
                .isEqualTo("$.condition" + operandPath(ConditionCodec.MAX_NESTING + 1).substring(1));
    }

    @Test
    void tenThousandNestedNots_areRefusedWithoutReadingThemAll() {
        String text = notsJson(10_000);

        JsonCodecException e = failure(text, Condition.class);

        assertThat(e.reason()).startsWith("nesting deeper than " + ConditionCodec.MAX_LEVELS + " levels");
        assertThat(e.path()).isEqualTo(operandPath(ConditionCodec.MAX_LEVELS));
        assertThat(catchThrowableOfType(JsonCodecException.class,
                () -> json.read(text.getBytes(StandardCharsets.UTF_8), Condition.Not.class)).path())
                .isEqualTo(operandPath(ConditionCodec.MAX_LEVELS));
        assertThat(failure("{\"name\":\"s\",\"condition\":" + text + "}", SegmentDefinition.class).reason())
                .contains("nesting deeper");
    }

    @Test
    void deepNesting_inAHostMapperWithoutNestingLimit_isRefusedNotOverflowingTheStack() {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Integer.MAX_VALUE).build()).build();
        ObjectMapper host = new ObjectMapper(factory).registerModule(CrmJson.module());
        String text = notsJson(1_000_000);

        assertThatThrownBy(() -> host.readValue(text, Condition.class)).isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith(operandPath(ConditionCodec.MAX_LEVELS) + ": nesting deeper");
    }

    @Test
    void nestingBeyondTheLimit_isRefusedOnWriting() {
        JsonCodecException e = catchThrowableOfType(JsonCodecException.class,
                () -> json.write(new SegmentDefinition("s", nots(ConditionCodec.MAX_NESTING + 1))));
        assertThat(e).hasMessage("$.condition" + operandPath(ConditionCodec.MAX_NESTING + 1).substring(1)
                + ": nesting deeper than 64 (and, or, not)");

        Condition tenThousand = nots(10_000);
        assertThatThrownBy(() -> json.write(tenThousand)).isInstanceOf(JsonCodecException.class)
                .hasMessageContaining("nesting deeper than 64");
        Condition wide = new Condition.Or(List.of(LEAF, new Condition.And(List.of(LEAF, LEAF, nots(64)))));
        assertThat(catchThrowableOfType(JsonCodecException.class, () -> json.write(wide)).path())
                .isEqualTo("$.operands[1].operands[2]" + operandPath(63).substring(1));
    }

    // --- refusals ---

    @Test
    void wrongConditions_areRefusedAtTheirPath() {
        assertThat(failure("{\"type\":\"xor\"}", Condition.class)).hasMessageStartingWith(
                "$.type: must be one of and, or, not, compare, in,");
        assertThat(failure("{\"type\":\"stage_in\",\"stages\":[\"lead\",\"lead\"]}", Condition.class))
                .hasMessage("$.stages[1]: repeats an earlier stage");
        assertThat(failure("{\"type\":\"stage_in\",\"stages\":[]}", Condition.class))
                .hasMessage("$: invalid stage.stages: must not be empty");
        assertThat(failure("{\"type\":\"and\",\"operands\":[" + LEAF_JSON + "]}", Condition.class))
                .hasMessage("$: invalid and.operands: must hold 2 to 1000 conditions");
        assertThat(failure("{\"type\":\"score_compare\",\"score\":\"Rfm\",\"operator\":\"gt\",\"value\":1}",
                Condition.class).path()).isEqualTo("$.score");
        assertThat(failure("{\"type\":\"compare\",\"attribute\":\"a\",\"operator\":\"==\","
                + "\"value\":{\"type\":\"bool\",\"value\":true}}", Condition.class))
                .hasMessage("$.operator: must be one of eq, ne, lt, le, gt, ge");
        assertThat(failure("{\"type\":\"exists\",\"attribute\":\"a\",\"operand\":null}", Condition.class))
                .hasMessageStartingWith("$.operand: unknown field");
        assertThat(failure(LEAF_JSON, Condition.Not.class)).hasMessage("$: is not a Not");
    }

    @Test
    void wrongWindows_areRefusedAtTheirMember() {
        String count = "{\"type\":\"count_compare\",\"filter\":{\"channel\":\"web\"},\"window\":%s,"
                + "\"operator\":\"ge\",\"count\":1}";
        assertThat(failure(count.formatted("{\"amount\":2,\"unit\":\"weeks\"}"), Condition.class))
                .hasMessage("$.window.unit: must be one of days, hours");
        assertThat(failure(count.formatted("{\"amount\":10001,\"unit\":\"hours\"}"), Condition.class))
                .hasMessage("$.window.amount: invalid window.amount: must be 1 to 10000 (10001)");
        assertThat(failure(count.formatted("\"30d\""), Condition.class))
                .hasMessage("$.window: must be an object, not a string");
    }
}
