package org.crmkit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.crmkit.customer.CustomerFigures;
import org.crmkit.customer.CustomerView;
import org.crmkit.customer.Revenue;
import org.crmkit.spi.CrmException;
import org.crmkit.spi.Money;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.customer.ContactKind;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.DeviceToken;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.customer.MergeRecord;
import org.crmkit.spi.customer.Organization;
import org.crmkit.spi.customer.Party;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.customer.SocialHandle;
import org.crmkit.spi.customer.StageTransition;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;
import org.crmkit.spi.score.Score;
import org.junit.jupiter.api.Test;

/** Examples of every model type: the JSON it is written as, and that it reads back equal. */
class CrmJsonExamplesTest {
    static final Currency EUR = Currency.getInstance("EUR");

    final CrmJson json = CrmJson.create();

    <T> void roundTrip(T value, Class<? super T> type, String expected) {
        assertThat(json.write(value)).isEqualTo(expected);
        assertThat(json.read(expected, type)).isEqualTo(value);
    }

    @Test
    void ids_areWrittenAsPlainStrings() {
        roundTrip(TenantId.of("acme"), TenantId.class, "\"acme\"");
        roundTrip(CustomerId.of("c-1"), CustomerId.class, "\"c-1\"");
        roundTrip(InteractionId.of("i:1"), InteractionId.class, "\"i:1\"");
        roundTrip(VisitorId.of("v.1"), VisitorId.class, "\"v.1\"");
        roundTrip(CampaignId.of("spring"), CampaignId.class, "\"spring\"");
        roundTrip(EventId.of(new UUID(1, 2)), EventId.class, "\"00000000-0000-0001-0000-000000000002\"");
    }

    @Test
    void enums_areWrittenInLowerCase() {
        roundTrip(Channel.IN_PERSON, Channel.class, "\"in_person\"");
        roundTrip(LifecycleStage.CHURNED, LifecycleStage.class, "\"churned\"");
    }

    @Test
    void money_keepsTheCurrencyScaleInAString() {
        roundTrip(Money.of("12.5", "EUR"), Money.class, "{\"amount\":\"12.50\",\"currency\":\"EUR\"}");
        roundTrip(Money.of("-1200", "JPY"), Money.class, "{\"amount\":\"-1200\",\"currency\":\"JPY\"}");
        roundTrip(Money.of("0.125", "BHD"), Money.class, "{\"amount\":\"0.125\",\"currency\":\"BHD\"}");
    }

    @Test
    void typedValues_carryTheirType() {
        roundTrip(TypedValue.of("hi"), TypedValue.class, "{\"type\":\"text\",\"value\":\"hi\"}");
        roundTrip(TypedValue.of(new BigDecimal("1.50")), TypedValue.class, "{\"type\":\"number\",\"value\":1.5}");
        roundTrip(TypedValue.of(new BigDecimal("1E+3")), TypedValue.class, "{\"type\":\"number\",\"value\":1000}");
        roundTrip(TypedValue.of(false), TypedValue.class, "{\"type\":\"bool\",\"value\":false}");
        roundTrip(TypedValue.of(LocalDate.of(2026, 2, 28)), TypedValue.class,
                "{\"type\":\"date\",\"value\":\"2026-02-28\"}");
        roundTrip(TypedValue.choice("gold"), TypedValue.class, "{\"type\":\"choice\",\"value\":\"gold\"}");
        roundTrip(TypedValue.of(Money.of("3", "USD")), TypedValue.class,
                "{\"type\":\"amount\",\"value\":{\"amount\":\"3.00\",\"currency\":\"USD\"}}");
    }

    @Test
    void typedValueNumber_keepsDigitsBeyondDoublePrecision() {
        TypedValue v = TypedValue.of(new BigDecimal("12345678901234567890.123456789012345678"));
        assertThat(json.read(json.write(v), TypedValue.class)).isEqualTo(v);
        assertThat(json.read("{\"type\":\"number\",\"value\":1e-60}", TypedValue.Number.class).value())
                .isEqualByComparingTo("1E-60");
    }

    @Test
    void sealedCase_readsAsItsOwnClass() {
        assertThat(json.read("{\"type\":\"bool\",\"value\":true}", TypedValue.Bool.class))
                .isEqualTo(new TypedValue.Bool(true));
        assertThatThrownBy(() -> json.read("{\"type\":\"bool\",\"value\":true}", TypedValue.Text.class))
                .isInstanceOf(JsonCodecException.class).hasMessage("$: is not a Text");
    }

    @Test
    void parties_carryTheirKind() {
        roundTrip(new Person("Ann", "", Optional.of(CustomerId.of("org-1")), Optional.of("CTO")), Party.class,
                "{\"kind\":\"person\",\"given_name\":\"Ann\",\"family_name\":\"\",\"organization\":\"org-1\","
                        + "\"job_title\":\"CTO\"}");
        roundTrip(new Organization("ACME GmbH", Optional.of("HRB 1")), Party.class,
                "{\"kind\":\"organization\",\"name\":\"ACME GmbH\",\"registration_number\":\"HRB 1\"}");
        roundTrip(Organization.named("ACME"), Party.class, "{\"kind\":\"organization\",\"name\":\"ACME\"}");
    }

    @Test
    void contactValues_carryTheirKind() {
        roundTrip(EmailAddress.parse("a@b.de"), ContactValue.class, "{\"kind\":\"email\",\"address\":\"a@b.de\"}");
        roundTrip(PhoneNumber.parse("+1 212 555 0100"), ContactValue.class,
                "{\"kind\":\"phone\",\"e164\":\"+12125550100\"}");
        roundTrip(new PostalAddress(List.of("1 Main St", "Apt 2"), "", "Springfield", Optional.of("IL"), "US"),
                ContactValue.class, "{\"kind\":\"postal\",\"lines\":[\"1 Main St\",\"Apt 2\"],\"postal_code\":\"\","
                        + "\"locality\":\"Springfield\",\"region\":\"IL\",\"country\":\"US\"}");
        roundTrip(new SocialHandle("mastodon", "@ann@example.social"), ContactValue.class,
                "{\"kind\":\"social\",\"network\":\"mastodon\",\"handle\":\"@ann@example.social\"}");
        roundTrip(new DeviceToken("apns", "abc"), ContactValue.class,
                "{\"kind\":\"device\",\"platform\":\"apns\",\"token\":\"abc\"}");
    }

    @Test
    void contactPointIdentityAndTransition_areObjects() {
        roundTrip(ContactPoint.of(EmailAddress.parse("a@b.de"), ContactUsage.WORK).asPrimary(), ContactPoint.class,
                "{\"value\":{\"kind\":\"email\",\"address\":\"a@b.de\"},\"usage\":\"work\",\"primary\":true,"
                        + "\"verified\":false}");
        roundTrip(ExternalIdentity.of("webshop", "u 1"), ExternalIdentity.class,
                "{\"system\":\"webshop\",\"value\":\"u 1\"}");
        roundTrip(new StageTransition(LifecycleStage.LEAD, JsonFixtures.T0), StageTransition.class,
                "{\"stage\":\"lead\",\"at\":\"2026-01-01T00:00:00Z\"}");
    }

    @Test
    void subjects_carryTheirKind() {
        roundTrip(Subject.customer(CustomerId.of("c-1")), Subject.class,
                "{\"kind\":\"customer\",\"customer\":\"c-1\"}");
        roundTrip(Subject.visitor(VisitorId.of("v-1")), Subject.class, "{\"kind\":\"visitor\",\"visitor\":\"v-1\"}");
    }

    @Test
    void emptyCustomer_writesEmptyCollectionsAndOmitsEmptyOptionals() {
        Customer c = Customer.builder(JsonFixtures.TENANT, CustomerId.of("c-2"), Organization.named("X"),
                JsonFixtures.T0).build();
        roundTrip(c, Customer.class, "{\"tenant\":\"acme\",\"id\":\"c-2\",\"version\":0,"
                + "\"party\":{\"kind\":\"organization\",\"name\":\"X\"},"
                + "\"stage_history\":[{\"stage\":\"prospect\",\"at\":\"2026-01-01T00:00:00Z\"}],\"tags\":[],"
                + "\"contact_points\":[],\"identities\":[],\"attributes\":{},\"created_at\":\"2026-01-01T00:00:00Z\","
                + "\"updated_at\":\"2026-01-01T00:00:00Z\"}");
    }

    @Test
    void mergeRecordAndEvents_readBackEqual() {
        Customer survivor = JsonFixtures.customer();
        Customer merged = Customer.builder(JsonFixtures.TENANT, CustomerId.of("c-0"), Person.named("A", "L"),
                JsonFixtures.T0).build();
        MergeRecord record = new MergeRecord(JsonFixtures.TENANT, survivor.id(), merged.id(), JsonFixtures.T0,
                merged, new TreeMap<>(Map.of("party", survivor.id(), "attributes.tier", merged.id())));
        assertThat(json.read(json.write(record), MergeRecord.class)).isEqualTo(record);
        EventId id = EventId.of(new UUID(7, 7));
        List<DomainEvent> events = List.of(
                new DomainEvent.CustomerCreated(id, JsonFixtures.TENANT, JsonFixtures.T0, survivor),
                new DomainEvent.CustomerUpdated(id, JsonFixtures.TENANT, JsonFixtures.T0, survivor),
                new DomainEvent.CustomersMerged(id, JsonFixtures.TENANT, JsonFixtures.T0, survivor, record),
                new DomainEvent.CustomerErased(id, JsonFixtures.TENANT, JsonFixtures.T0, survivor.id(),
                        new TreeSet<>(List.of(merged.id()))),
                new DomainEvent.InteractionRecorded(id, JsonFixtures.TENANT, JsonFixtures.T0,
                        JsonFixtures.interaction()),
                JsonFixtures.reassigned());
        for (DomainEvent e : events) {
            assertThat(json.read(json.write(e), DomainEvent.class)).isEqualTo(e);
        }
        assertThat(json.write(events.get(3))).isEqualTo("{\"type\":\"customer_erased\","
                + "\"id\":\"00000000-0000-0007-0000-000000000007\",\"tenant\":\"acme\","
                + "\"at\":\"2026-01-01T00:00:00Z\",\"customer\":\"c-1\",\"merged\":[\"c-0\"]}");
    }

    @Test
    void consentSuppressionAndScoreEvents_areWrittenInThePinnedFormat() {
        EventId id = EventId.of(new UUID(7, 7));
        String head = "\"id\":\"00000000-0000-0007-0000-000000000007\",\"tenant\":\"acme\","
                + "\"at\":\"2026-01-01T00:00:00Z\",";
        Hash256 hash = Hash256.parse("00ff".repeat(16));
        roundTrip(new DomainEvent.ConsentChanged(id, JsonFixtures.TENANT, JsonFixtures.T0, CustomerId.of("c-1"),
                ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER, EmailAddress.parse("a@b.de")),
                ConsentState.OPTED_OUT), DomainEvent.class, "{\"type\":\"consent_changed\"," + head
                + "\"customer\":\"c-1\",\"scope\":{\"channel\":\"email\",\"purpose\":\"newsletter\","
                + "\"contact_point\":{\"kind\":\"email\",\"address\":\"a@b.de\"}},\"state\":\"opted_out\"}");
        roundTrip(new DomainEvent.ConsentChanged(id, JsonFixtures.TENANT, JsonFixtures.T0, CustomerId.of("c-1"),
                ConsentScope.of(ConsentChannel.POSTAL_MAIL, Purpose.MARKETING), ConsentState.OPTED_IN),
                DomainEvent.class, "{\"type\":\"consent_changed\"," + head + "\"customer\":\"c-1\","
                        + "\"scope\":{\"channel\":\"postal_mail\",\"purpose\":\"marketing\"},"
                        + "\"state\":\"opted_in\"}");
        roundTrip(new DomainEvent.ContactSuppressed(id, JsonFixtures.TENANT, JsonFixtures.T0, hash,
                ContactKind.PHONE, SuppressionReason.HARD_BOUNCE), DomainEvent.class,
                "{\"type\":\"contact_suppressed\"," + head + "\"contact_hash\":\"" + "00ff".repeat(16) + "\","
                        + "\"kind\":\"phone\",\"reason\":\"hard_bounce\"}");
        roundTrip(new DomainEvent.ContactLifted(id, JsonFixtures.TENANT, JsonFixtures.T0, hash), DomainEvent.class,
                "{\"type\":\"contact_lifted\"," + head + "\"contact_hash\":\"" + "00ff".repeat(16) + "\"}");
        roundTrip(new DomainEvent.ScoreChanged(id, JsonFixtures.TENANT, JsonFixtures.T0, CustomerId.of("c-1"),
                List.of(Score.of("rfm.recency", 4, JsonFixtures.T0),
                        Score.of("engagement", 7.5, Instant.parse("2025-12-31T23:00:00.5Z")))),
                DomainEvent.class, "{\"type\":\"score_changed\"," + head + "\"customer\":\"c-1\",\"scores\":["
                        + "{\"name\":\"engagement\",\"value\":7.5,\"as_of\":\"2025-12-31T23:00:00.500Z\"},"
                        + "{\"name\":\"rfm.recency\",\"value\":4.0,\"as_of\":\"2026-01-01T00:00:00Z\"}]}");
    }

    @Test
    void scoreValue_isAnyJsonNumber_andNegativeZeroReadsAsZero() {
        String event = "{\"type\":\"score_changed\",\"id\":\"00000000-0000-0007-0000-000000000007\","
                + "\"tenant\":\"acme\",\"at\":\"2026-01-01T00:00:00Z\",\"customer\":\"c-1\",\"scores\":["
                + "{\"name\":\"a\",\"value\":%s,\"as_of\":\"2026-01-01T00:00:00Z\"}]}";
        assertThat(scoreOf(json.read(event.formatted("3"), DomainEvent.class))).isEqualTo(3.0);
        assertThat(scoreOf(json.read(event.formatted("1.25e-3"), DomainEvent.class))).isEqualTo(0.00125);
        assertThat(scoreOf(json.read(event.formatted("-0.0"), DomainEvent.class))).isEqualTo(0.0);
    }

    static double scoreOf(DomainEvent event) {
        return ((DomainEvent.ScoreChanged) event).scores().get(0).value();
    }

    @Test
    void revenue_isWrittenAsMoneyIsWithoutMoneysBound() {
        roundTrip(new Revenue(new BigDecimal("1999999999999999998"), EUR), Revenue.class,
                "{\"amount\":\"1999999999999999998.00\",\"currency\":\"EUR\"}");
        assertThatThrownBy(() -> json.read("{\"amount\":\"1.005\",\"currency\":\"EUR\"}", Revenue.class))
                .isInstanceOf(JsonCodecException.class);
    }

    @Test
    void figures_roundTrip() {
        CustomerFigures f = figures();
        roundTrip(f, CustomerFigures.class, "{\"interactions\":4,\"first_contact\":\"2026-01-01T00:00:00Z\","
                + "\"last_contact\":\"2026-01-03T08:00:00Z\",\"orders\":1,"
                + "\"revenue\":[{\"amount\":\"12.50\",\"currency\":\"EUR\"}],\"by_channel\":{\"email\":1,\"web\":3},"
                + "\"preferred_channel\":\"web\"}");
    }

    @Test
    void export360_isTheDataPortabilityDocument() {
        Interaction i = JsonFixtures.interaction();
        CustomerView view = new CustomerView(JsonFixtures.customer(),
                new TreeMap<>(Map.of(Channel.WEB, new Page<>(List.of(i), Optional.of("next-1")),
                        Channel.EMAIL, Page.<Interaction>last(List.of()))), figures());
        Instant at = Instant.parse("2026-02-01T00:00:00Z");
        CrmJson withClock = CrmJson.builder().clock(Clock.fixed(at, ZoneOffset.UTC)).build();

        String export = withClock.export360(view);

        assertThat(export).isEqualTo(json.export360(view, at));
        assertThat(export).isEqualTo("{\"format\":\"crmkit.customer360\",\"version\":1,"
                + "\"exported_at\":\"2026-02-01T00:00:00Z\",\"customer\":" + json.write(view.customer())
                + ",\"interactions_by_channel\":{\"email\":{\"interactions\":[]},\"web\":{\"interactions\":["
                + CrmJsonFormatTest.INTERACTION + "],\"next_cursor\":\"next-1\"}},\"figures\":"
                + json.write(view.figures()) + "}");
        assertThat(json.write(view)).isEqualTo("{" + export.substring(export.indexOf("\"customer\"")));
    }

    @Test
    void export360_withoutClock_failsWithCrmException() {
        CustomerView view = new CustomerView(JsonFixtures.customer(), new TreeMap<>(), figures());
        assertThatThrownBy(() -> json.export360(view)).isInstanceOf(CrmException.class).hasMessageContaining("clock");
    }

    @Test
    void module_inAHostMapper_writesAndReadsTheSameFormat() throws Exception {
        ObjectMapper host = new ObjectMapper().registerModule(CrmJson.module());
        record Envelope(String note, Customer customer) {
        }
        String text = host.writeValueAsString(new Envelope("n", JsonFixtures.customer()));
        assertThat(text).isEqualTo("{\"note\":\"n\",\"customer\":" + json.write(JsonFixtures.customer()) + "}");
        assertThat(host.readValue(json.write(JsonFixtures.interaction()), Interaction.class))
                .isEqualTo(JsonFixtures.interaction());
    }

    @Test
    void module_inAHostMapper_reportsFailuresAsJsonCodecExceptionsWithTheirPath() {
        ObjectMapper host = new ObjectMapper().registerModule(CrmJson.module());
        record Envelope(String note, Customer customer) {
        }
        String bad = json.write(JsonFixtures.customer()).replace("ann.lee@example.com", "ann");
        assertThatThrownBy(() -> host.readValue(bad, Customer.class)).isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("$.contact_points[0].value.address: invalid email");
        assertThatThrownBy(() -> host.readValue("{\"note\":\"n\",\"customer\":" + bad + "}", Envelope.class))
                .hasRootCauseInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(e instanceof JsonCodecException ? e : e.getCause())
                        .isInstanceOf(JsonCodecException.class)
                        .hasMessageStartingWith("$.customer.contact_points[0].value.address: invalid email"));
    }

    @Test
    void prettyPrinting_writesEmptyContainersCompactly() {
        Customer c = Customer.builder(JsonFixtures.TENANT, CustomerId.of("c-2"), Organization.named("X"),
                JsonFixtures.T0).build();
        assertThat(CrmJson.builder().prettyPrinting(true).build().write(c))
                .contains("\"tags\": [],\n").contains("\"attributes\": {},\n");
    }

    @Test
    void instantWithOffset_isReadAsUtc() {
        assertThat(json.read("{\"stage\":\"lead\",\"at\":\"2026-01-01T01:00:00+01:00\"}", StageTransition.class))
                .isEqualTo(new StageTransition(LifecycleStage.LEAD, JsonFixtures.T0));
    }

    static CustomerFigures figures() {
        return new CustomerFigures(4, Optional.of(JsonFixtures.T0), Optional.of(Instant.parse("2026-01-03T08:00:00Z")),
                1, List.of(new Revenue(new BigDecimal("12.5"), EUR)), new TreeMap<>(Map.of(Channel.WEB, 3L,
                        Channel.EMAIL, 1L)), Optional.of(Channel.WEB));
    }
}
