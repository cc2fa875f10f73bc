package org.crmkit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;

import org.crmkit.Crm;
import org.crmkit.json.CrmJson;
import org.crmkit.scoring.EngagementRule;
import org.crmkit.scoring.EngagementRules;
import org.crmkit.spi.Money;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.TechnicalProof;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.ExternalIdentity;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.customer.PostalAddress;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.crmkit.spi.interaction.VisitorId;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure, checked in the heap: a person goes through everything that keeps data (profile, merge with an older
 * record, an identified visitor, orders with a personal note, an opt-in with technical proof, consent decisions,
 * scores, a tracked segment, a 360° export, a customer cache, events the sink has not taken yet), is erased, and
 * then a dump of the live heap must hold none of the person's strings.
 */
class ErasureHeapTest {
    static final TenantId T = TenantId.of("heap");

    @TempDir
    Path dir;

    /** The erased person's id, and the person's strings, masked, with what each one is. */
    record Secrets(CustomerId id, List<byte[]> masked, List<String> labels) {
    }

    @Test
    void afterErasure_theLiveHeapHoldsNoStringOfThePerson() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
        try (Crm crm = Crm.builder().clock(clock).seed(5).eventRelayThread(false).customerCache(1_000)
                .consentKey("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8))
                .engagementRules(EngagementRules.builder().rule(EngagementRule.of(InteractionType.ORDER_PLACED, 3))
                        .build())
                .eventSink(event -> {
                    throw new IllegalStateException("the bus is down");
                }).build()) {
            crm.analytics().catalog(T).define("buyers", "count(order_placed within 90d) >= 1");
            crm.analytics().track(T);
            Secrets person = createPerson(crm, clock, new SplittableRandom(20260601));
            createPerson(crm, clock, new SplittableRandom(1));
            crm.analytics().rfm(T, Currency.getInstance("EUR"));
            crm.events().flush();

            assertThat(crm.customers().erase(T, person.id()).anything()).isTrue();

            List<Integer> found = HeapScan.findInLiveHeap(dir, person.masked());
            assertThat(found.stream().map(person.labels()::get).toList()).as("strings of the erased person")
                    .isEmpty();
            assertThat(crm.customers().find(T, person.id())).isEmpty();
        }
    }

    /**
     * Registers a person with random strings and takes it through the engine; returns only its id and its strings
     * masked, so that nothing of this method's keeps them.
     */
    private static Secrets createPerson(Crm crm, MutableClock clock, SplittableRandom random) {
        String tag = letters(random, 14);
        String given = "Given" + tag;
        String family = "Family" + tag;
        String email = "mail" + tag + "@example.com";
        String phone = "+4930" + (10_000_000 + random.nextInt(89_999_999));
        String street = "Road" + tag + " 1";
        String identity = "acct" + tag;
        String visitor = "visit" + tag;
        String ip = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
        String agent = "Agent" + tag + "/1.0";
        String form = "form" + tag;
        String note = "note" + tag;
        Customer older = crm.customers().register(T, Person.named(given, family), b -> b
                .contactPoint(ContactPoint.of(EmailAddress.parse(email), ContactUsage.HOME)));
        Customer person = crm.customers().register(T, Person.named(given, family), b -> b
                .contactPoint(ContactPoint.of(EmailAddress.parse(email), ContactUsage.HOME).asPrimary())
                .contactPoint(ContactPoint.of(PhoneNumber.parse(phone), ContactUsage.MOBILE))
                .contactPoint(ContactPoint.of(PostalAddress.of(street, "10115", "Berlin", "DE"), ContactUsage.HOME))
                .identity(ExternalIdentity.of("webshop", identity)));
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(),
                Subject.visitor(VisitorId.of(visitor)), Channel.WEB, InteractionType.PAGE_VIEW, clock.instant())
                .build());
        crm.customers().merge(T, person.id(), older.id());
        crm.customers().identify(T, VisitorId.of(visitor), person.id());
        clock.advance(Duration.ofMinutes(1));
        crm.interactions().record(Interaction.builder(T, crm.interactions().newId(), Subject.customer(person.id()),
                Channel.WEB, InteractionType.ORDER_PLACED, clock.instant()).amount(Money.of("25.00", "EUR"))
                .property("note", TypedValue.of(note)).build());
        crm.consents().optIn(T, person.id(), ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER,
                        EmailAddress.parse(email)), Capture.TICKED_BOX,
                new Evidence(CaptureSource.of(CaptureSource.Kind.WEB_FORM, form), clock.instant(),
                        java.util.Optional.of(Wording.of("nl-1", "Yes, send me the newsletter")),
                        java.util.Optional.of(TechnicalProof.of(ip, agent))));
        crm.consents().decide(T, person.id(), ConsentChannel.EMAIL, Purpose.NEWSLETTER);
        crm.consents().decide(T, person.id(), ConsentChannel.POSTAL_MAIL, Purpose.MARKETING);
        crm.consents().receipt(T, person.id());
        CrmJson.create().export360(crm.customers().view(T, person.id(), 10), clock.instant());
        List<byte[]> masked = new ArrayList<>();
        List<String> labels = List.of("given name", "family name", "e-mail", "phone", "street", "identity",
                "visitor id", "IP address", "user agent", "capture reference", "interaction note");
        for (String secret : List.of(given, family, email, phone, street, identity, visitor, ip, agent, form, note)) {
            masked.add(HeapScan.mask(secret));
        }
        return new Secrets(person.id(), masked, labels);
    }

    private static String letters(SplittableRandom random, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }
}
