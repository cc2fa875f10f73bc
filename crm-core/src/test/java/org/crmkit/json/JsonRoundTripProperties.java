package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.customer.Revenue;
import org.crmkit.segmentation.SegmentLanguage;
import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.SegmentChange;
import org.crmkit.spi.segment.SegmentDefinition;
import org.crmkit.spi.segment.Window;

/** Reading what was written gives the value back, and writing it again gives the same bytes. */
class JsonRoundTripProperties {
    final CrmJson json = CrmJson.create();
    final CrmJson pretty = CrmJson.builder().prettyPrinting(true).build();

    <T> void assertRoundTrip(T value, Class<T> type) {
        String text = json.write(value);
        assertThat(json.read(text, type)).isEqualTo(value);
        assertThat(json.read(json.writeBytes(value), type)).isEqualTo(value);
        assertThat(json.write(json.read(text, type))).isEqualTo(text);
        assertThat(json.read(pretty.write(value), type)).isEqualTo(value);
    }

    @Property(tries = 300, seed = "20260101")
    void customer_readOfWrite_isTheCustomer(@ForAll("customers") Customer customer) {
        assertRoundTrip(customer, Customer.class);
    }

    @Property(tries = 300, seed = "20260102")
    void interaction_readOfWrite_isTheInteraction(@ForAll("interactions") Interaction interaction) {
        assertRoundTrip(interaction, Interaction.class);
    }

    @Property(tries = 500, seed = "20260103")
    void money_readOfWrite_isTheMoney(@ForAll("money") Money money) {
        assertRoundTrip(money, Money.class);
    }

    @Property(tries = 500, seed = "20260114")
    void revenue_readOfWrite_isTheRevenue(@ForAll("revenue") Revenue revenue) {
        assertRoundTrip(revenue, Revenue.class);
    }

    @Property(tries = 500, seed = "20260104")
    void typedValue_readOfWrite_isTheValue(@ForAll("typedValues") TypedValue value) {
        assertRoundTrip(value, TypedValue.class);
    }

    @Property(tries = 500, seed = "20260105")
    void contactValue_readOfWrite_isTheValue(@ForAll("contactValues") ContactValue value) {
        assertRoundTrip(value, ContactValue.class);
    }

    @Property(tries = 200, seed = "20260106")
    void mergeRecord_readOfWrite_isTheRecord(@ForAll("mergeRecords") MergeRecord record) {
        assertRoundTrip(record, MergeRecord.class);
    }

    @Property(tries = 300, seed = "20260107")
    void domainEvent_readOfWrite_isTheEvent(@ForAll("events") DomainEvent event) {
        assertRoundTrip(event, DomainEvent.class);
    }

    @Property(tries = 1000, seed = "20260108")
    void condition_readOfWrite_isTheCondition(@ForAll("conditions") Condition condition) {
        assertRoundTrip(condition, Condition.class);
    }

    @Property(tries = 300, seed = "20260109")
    void conditionCase_readAsItsOwnClass_isTheCondition(@ForAll("conditions") Condition condition) {
        @SuppressWarnings("unchecked")
        Class<Condition> own = (Class<Condition>) condition.getClass();
        assertRoundTrip(condition, own);
    }

    @Property(tries = 300, seed = "20260110")
    void segmentDefinition_readOfWrite_isTheDefinition(@ForAll("segmentDefinitions") SegmentDefinition definition) {
        assertRoundTrip(definition, SegmentDefinition.class);
    }

    @Property(tries = 300, seed = "20260111")
    void segmentChange_readOfWrite_isTheChange(@ForAll("segmentChanges") SegmentChange change) {
        assertRoundTrip(change, SegmentChange.class);
    }

    @Property(tries = 300, seed = "20260112")
    void windowAndFilter_readOfWrite_areTheValues(@ForAll("windows") Window window,
                                                  @ForAll("filters") InteractionFilter filter) {
        assertRoundTrip(window, Window.class);
        assertRoundTrip(filter, InteractionFilter.class);
    }

    @Property(tries = 500, seed = "20260113")
    void conditionText_throughJson_isTheParsedCondition(@ForAll("conditions") Condition condition) {
        Condition parsed = SegmentLanguage.parse(SegmentLanguage.print(condition));
        assertThat(parsed).isEqualTo(condition);
        assertThat(json.read(json.write(parsed), Condition.class)).isEqualTo(parsed);
    }

    @Provide
    Arbitrary<Condition> conditions() {
        return JsonArbitraries.conditions();
    }

    @Provide
    Arbitrary<SegmentDefinition> segmentDefinitions() {
        return JsonArbitraries.segmentDefinitions();
    }

    @Provide
    Arbitrary<SegmentChange> segmentChanges() {
        return JsonArbitraries.segmentChanges();
    }

    @Provide
    Arbitrary<Window> windows() {
        return JsonArbitraries.windows();
    }

    @Provide
    Arbitrary<InteractionFilter> filters() {
        return JsonArbitraries.filters();
    }

    @Provide
    Arbitrary<Customer> customers() {
        return JsonArbitraries.customers();
    }

    @Provide
    Arbitrary<Interaction> interactions() {
        return JsonArbitraries.interactions();
    }

    @Provide
    Arbitrary<Money> money() {
        return JsonArbitraries.money();
    }

    @Provide
    Arbitrary<Revenue> revenue() {
        return JsonArbitraries.revenue();
    }

    @Provide
    Arbitrary<TypedValue> typedValues() {
        return JsonArbitraries.typedValues();
    }

    @Provide
    Arbitrary<ContactValue> contactValues() {
        return JsonArbitraries.contactValues();
    }

    @Provide
    Arbitrary<MergeRecord> mergeRecords() {
        return JsonArbitraries.mergeRecords();
    }

    @Provide
    Arbitrary<DomainEvent> events() {
        return JsonArbitraries.events();
    }
}
