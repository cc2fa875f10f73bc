package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.crmkit.customer.CustomerFigures;
import org.crmkit.customer.Revenue;
import org.crmkit.json.internal.ConditionCodec;
import org.crmkit.json.internal.JsonPaths;
import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.SegmentChange;
import org.crmkit.spi.segment.SegmentDefinition;

/**
 * Whatever the input, reading ends in a value or a {@link JsonCodecException}: never another exception, never a hang.
 * Damaged documents (truncated, a member of the wrong JSON type, an unknown member, deep nesting) are always refused.
 */
class JsonMalformedInputProperties {
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    static final List<JsonNode> REPLACEMENTS = List.of(NODES.nullNode(), NODES.numberNode(42),
            NODES.textNode("x"), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode());

    final CrmJson json = CrmJson.create();
    final ObjectMapper plain = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(NODES);

    /** A written model value and its type. */
    record Doc(Class<?> type, String text) {
    }

    /** A member of an object or an element of an array in a tree. */
    record Slot(JsonNode parent, String field, int index, String path) {
        JsonNode get() {
            return parent.isObject() ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (parent.isObject()) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent.isObject()) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    /** Reads {@code text}; the failure, if any, which must be a {@link JsonCodecException} and come within 10 s. */
    Optional<JsonCodecException> attempt(String text, Class<?> type) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                json.read(text, type);
                return Optional.empty();
            } catch (JsonCodecException e) {
                return Optional.of(e);
            }
        });
    }

    @Property(tries = 1000, seed = "20260201")
    void randomText_failsOnlyWithJsonCodecException(@ForAll("noise") String text, @ForAll("targets") Class<?> type) {
        attempt(text, type);
    }

    @Property(tries = 300, seed = "20260202")
    void truncatedDocument_isRefused(@ForAll("documents") Doc doc, @ForAll @IntRange(max = 1_000_000) int cut) {
        String truncated = doc.text().substring(0, cut % doc.text().length());
        assertThat(attempt(truncated, doc.type())).isPresent();
    }

    @Property(tries = 300, seed = "20260203")
    void memberOfTheWrongJsonType_isRefusedAtItsPath(@ForAll("documents") Doc doc,
                                                     @ForAll @IntRange(max = 1_000_000) int at,
                                                     @ForAll @IntRange(max = 100) int choice) throws Exception {
        JsonNode tree = plain.readTree(doc.text());
        List<Slot> slots = slots(tree);
        Slot slot = slots.get(at % slots.size());
        List<JsonNode> candidates = REPLACEMENTS.stream()
                .filter(r -> r.getNodeType() != slot.get().getNodeType()).toList();
        slot.set(candidates.get(choice % candidates.size()));

        Optional<JsonCodecException> failure = attempt(plain.writeValueAsString(tree), doc.type());

        assertThat(failure).hasValueSatisfying(e -> assertThat(e.path()).satisfiesAnyOf(
                p -> assertThat(p).isEqualTo(slot.path()),
                p -> assertThat(p).startsWith(slot.path() + "."),
                p -> assertThat(p).startsWith(slot.path() + "[")));
    }

    @Property(tries = 300, seed = "20260204")
    void removedMember_isReadOrRefused(@ForAll("documents") Doc doc, @ForAll @IntRange(max = 1_000_000) int at)
            throws Exception {
        JsonNode tree = plain.readTree(doc.text());
        List<Slot> slots = slots(tree);
        slots.get(at % slots.size()).remove();
        attempt(plain.writeValueAsString(tree), doc.type());
    }

    @Property(tries = 300, seed = "20260205")
    void unknownMember_isRefused(@ForAll("documents") Doc doc, @ForAll @IntRange(max = 1_000_000) int at)
            throws Exception {
        JsonNode tree = plain.readTree(doc.text());
        List<Slot> objects = new ArrayList<>();
        if (tree.isObject()) {
            objects.add(new Slot(tree, null, -1, JsonPaths.ROOT));
        }
        slots(tree).stream().filter(slot -> slot.get().isObject()).forEach(objects::add);
        Slot target = objects.get(at % objects.size());
        ((ObjectNode) (target.path().equals(JsonPaths.ROOT) ? tree : target.get())).putNull("zz_unknown");

        assertThat(attempt(plain.writeValueAsString(tree), doc.type()))
                .hasValueSatisfying(e -> assertThat(e.path()).isEqualTo(target.path() + ".zz_unknown"));
    }

    @Property(tries = 50, seed = "20260206")
    void deeplyNestedMember_isRefused(@ForAll("documents") Doc doc, @ForAll @IntRange(max = 1_000_000) int at,
                                      @ForAll @IntRange(min = 1000, max = 20_000) int depth) throws Exception {
        JsonNode tree = plain.readTree(doc.text());
        List<Slot> slots = slots(tree);
        slots.get(at % slots.size()).set(NODES.textNode("@@deep@@"));
        String deep = "[{\"a\":".repeat(depth / 2) + "[" + "]}".repeat(depth / 2) + "]";
        String text = plain.writeValueAsString(tree).replace("\"@@deep@@\"", deep);

        assertThat(attempt(text, doc.type())).hasValueSatisfying(e -> assertThat(e.reason()).contains("nesting"));
    }

    @Property(tries = 300, seed = "20260207")
    void nestedCondition_isReadUpToTheLimitAndRefusedBeyond(@ForAll("conditions") Condition inner,
                                                            @ForAll @IntRange(max = 400) int wrappers,
                                                            @ForAll long shape) {
        SplittableRandom random = new SplittableRandom(shape);
        String text = json.write(inner);
        for (int i = 0; i < wrappers; i++) {
            String sibling = "{\"type\":\"has_tag\",\"tag\":\"t" + i + "\"}";
            text = switch (random.nextInt(3)) {
                case 0 -> "{\"type\":\"not\",\"operand\":" + text + "}";
                case 1 -> "{\"type\":\"and\",\"operands\":[" + sibling + "," + text + "]}";
                default -> "{\"type\":\"or\",\"operands\":[" + text + "," + sibling + "]}";
            };
        }

        Optional<JsonCodecException> failure = attempt(text, Condition.class);

        if (wrappers + depth(inner) <= ConditionCodec.MAX_NESTING) {
            assertThat(failure).isEmpty();
        } else {
            assertThat(failure).hasValueSatisfying(e -> assertThat(e.reason()).startsWith("nesting deeper than"));
        }
    }

    /** How deep {@code and}, {@code or} and {@code not} nest in {@code c}. */
    static int depth(Condition c) {
        if (c instanceof Condition.And and) {
            return 1 + and.operands().stream().mapToInt(JsonMalformedInputProperties::depth).max().orElse(0);
        } else if (c instanceof Condition.Or or) {
            return 1 + or.operands().stream().mapToInt(JsonMalformedInputProperties::depth).max().orElse(0);
        } else if (c instanceof Condition.Not not) {
            return 1 + depth(not.operand());
        }
        return 0;
    }

    static List<Slot> slots(JsonNode tree) {
        List<Slot> slots = new ArrayList<>();
        collect(tree, JsonPaths.ROOT, slots);
        return slots;
    }

    private static void collect(JsonNode node, String path, List<Slot> slots) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String memberPath = JsonPaths.field(path, e.getKey());
                slots.add(new Slot(node, e.getKey(), -1, memberPath));
                collect(e.getValue(), memberPath, slots);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String elementPath = JsonPaths.index(path, i);
                slots.add(new Slot(node, null, i, elementPath));
                collect(node.get(i), elementPath, slots);
            }
        }
    }

    @Provide
    Arbitrary<Doc> documents() {
        return Arbitraries.oneOf(
                JsonArbitraries.customers().map(c -> new Doc(Customer.class, json.write(c))),
                JsonArbitraries.interactions().map(i -> new Doc(Interaction.class, json.write(i))),
                JsonArbitraries.events().map(e -> new Doc(DomainEvent.class, json.write(e))),
                JsonArbitraries.mergeRecords().map(r -> new Doc(MergeRecord.class, json.write(r))),
                JsonArbitraries.money().map(m -> new Doc(Money.class, json.write(m))),
                JsonArbitraries.revenue().map(r -> new Doc(Revenue.class, json.write(r))),
                JsonArbitraries.typedValues().map(v -> new Doc(TypedValue.class, json.write(v))),
                JsonArbitraries.contactValues().map(v -> new Doc(ContactValue.class, json.write(v))),
                JsonArbitraries.conditions().map(c -> new Doc(Condition.class, json.write(c))),
                JsonArbitraries.segmentDefinitions().map(d -> new Doc(SegmentDefinition.class, json.write(d))),
                JsonArbitraries.segmentChanges().map(c -> new Doc(SegmentChange.class, json.write(c))));
    }

    @Provide
    Arbitrary<Condition> conditions() {
        return JsonArbitraries.conditions();
    }

    @Provide
    Arbitrary<Class<?>> targets() {
        return Arbitraries.of(Customer.class, Interaction.class, DomainEvent.class, MergeRecord.class, Money.class,
                TypedValue.class, ContactValue.class, CustomerId.class, CustomerFigures.class, Revenue.class,
                Condition.class, Condition.And.class, SegmentDefinition.class, SegmentChange.class);
    }

    /** Arbitrary text, JSON-like token soup, and valid documents with a few characters overwritten. */
    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> spliced = Combinators.combine(documents(), Arbitraries.integers().between(0, 1_000_000),
                Arbitraries.strings().withChars("{}[]\":,0-9.eE\\ nul").ofMinLength(1).ofMaxLength(3))
                .as((doc, at, junk) -> {
                    int i = at % doc.text().length();
                    return doc.text().substring(0, i) + junk
                            + doc.text().substring(Math.min(doc.text().length(), i + junk.length()));
                });
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withChars("{}[]\":,0123456789-+.eE \\tuflsnra").ofMaxLength(80),
                spliced);
    }
}
