package org.crmkit.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.crmkit.Crm;
import org.crmkit.consent.ConsentService;
import org.crmkit.consent.ContactDecision;
import org.crmkit.json.CrmJson;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;

/**
 * Permission marketing in the shop: a newsletter sign-up with a pre-ticked box (implicit, so not enough for the
 * newsletter), a double opt-in confirmed by e-mail, and an unsubscribe through the signed link of a mail footer; each
 * decision printed with its reasons, then a consent receipt. Deterministic: a simulated clock and a fixed key.
 */
final class PermissionDemo implements AutoCloseable {
    private static final TenantId SHOP = TenantId.of("espresso-shop");
    private static final ConsentScope NEWSLETTER = ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER);
    private static final Wording WORDING = Wording.of("nl-2026-01", "Yes, send me the espresso newsletter.");

    private final PrintStream out;
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-10T08:00:00Z"));
    private final Crm crm;

    PermissionDemo(long seed, PrintStream out) {
        this.out = out;
        this.crm = Crm.builder().clock(clock).seed(seed)
                .consentKey("demo key: keep yours in a vault, 32+ bytes".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    void run() {
        out.println("== Permission marketing: nothing is sent without a recorded, explainable decision ==");
        ConsentService consents = crm.consents();
        Customer dana = customer("Dana", "dana@example.com");
        consents.optIn(SHOP, dana.id(), NEWSLETTER, Capture.PRE_TICKED_BOX, evidence("checkout-form"));
        decide("Dana signed up with a pre-ticked box", dana);

        Customer eli = customer("Eli", "eli@example.com");
        consents.requestConfirmation(SHOP, eli.id(), NEWSLETTER, evidence("newsletter-form"));
        decide("Eli asked for the newsletter (confirmation pending)", eli);
        clock.advance(Duration.ofMinutes(7));
        consents.confirm(SHOP, eli.id(), NEWSLETTER, evidence("confirmation-link"));
        decide("Eli clicked the confirmation link", eli);

        Customer finn = customer("Finn", "finn@example.com");
        consents.optIn(SHOP, finn.id(), NEWSLETTER, Capture.TICKED_BOX, evidence("newsletter-form"));
        decide("Finn ticked the empty box", finn);
        String token = consents.issueUnsubscribeToken(SHOP, finn.id(), ConsentChannel.EMAIL, Purpose.NEWSLETTER,
                Duration.ofDays(60));
        clock.advance(Duration.ofDays(3));
        consents.unsubscribe(token);
        decide("Finn clicked the unsubscribe link in a newsletter footer", finn);
        out.println("Ledger verified: " + consents.verify(SHOP));
        out.println("Consent receipt for Finn (JSON):");
        out.println(CrmJson.builder().prettyPrinting(true).build().write(consents.receipt(SHOP, finn.id())));
    }

    private Customer customer(String given, String email) {
        clock.advance(Duration.ofMinutes(3));
        return crm.customers().register(SHOP, Person.named(given, "Example"), b -> b.contactPoint(
                ContactPoint.of(EmailAddress.parse(email), ContactUsage.HOME).asPrimary().asVerified()));
    }

    private Evidence evidence(String form) {
        clock.advance(Duration.ofSeconds(30));
        return Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, form), clock.instant(), WORDING);
    }

    private void decide(String what, Customer customer) {
        ContactDecision decision = crm.consents().decide(SHOP, customer.id(), ConsentChannel.EMAIL,
                Purpose.NEWSLETTER);
        String verdict = decision instanceof ContactDecision.Allowed allowed
                ? "ALLOWED (" + allowed.basis() + ", to " + allowed.contactPoint().map(ContactValue::key).orElse("-")
                + ")"
                : "DENIED " + ((ContactDecision.Denied) decision).reasons();
        out.printf("%-58s newsletter e-mail: %s%n", what + ":", verdict);
    }

    /** Stops the demo engine's event relay. */
    @Override
    public void close() {
        crm.close();
    }
}
