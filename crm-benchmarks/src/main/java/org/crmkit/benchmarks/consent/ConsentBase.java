package org.crmkit.benchmarks.consent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.crmkit.consent.ConsentService;
import org.crmkit.consent.CustomerDirectory;
import org.crmkit.consent.InMemoryContactPressure;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.consent.Wording;
import org.crmkit.spi.customer.ContactPoint;
import org.crmkit.spi.customer.ContactUsage;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.event.EventId;
import org.crmkit.spi.event.Outbox;
import org.crmkit.spi.event.OutboxMessage;
import org.crmkit.spi.storage.Storage;

/** The synthetic customers, consents and engine the consent benchmarks share. */
final class ConsentBase {
    static final TenantId TENANT = TenantId.of("bench");
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final List<ConsentChannel> CHANNELS = List.of(ConsentChannel.EMAIL, ConsentChannel.SMS,
            ConsentChannel.PHONE);
    static final List<Purpose> PURPOSES = List.of(Purpose.MARKETING, Purpose.NEWSLETTER, Purpose.SERVICE);
    static final Evidence EVIDENCE = Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "bench-form"),
            START, Wording.version("bench-v1"));
    private static final Capture[] CAPTURES = {Capture.TICKED_BOX, Capture.PRE_TICKED_BOX, Capture.VERBAL};
    static final byte[] KEY = "benchmark-key-of-at-least-32-bytes!".getBytes(StandardCharsets.US_ASCII);

    private ConsentBase() {
    }

    static CustomerId customerId(int n) {
        return CustomerId.of("c" + n);
    }

    static EmailAddress email(int n) {
        return EmailAddress.parse("customer" + n + "@example.com");
    }

    static Customer customer(int n) {
        return Customer.builder(TENANT, customerId(n), Person.named("Customer", "No " + n), START)
                .contactPoint(ContactPoint.of(email(n), ContactUsage.HOME).asPrimary().asVerified())
                .contactPoint(ContactPoint.of(new PhoneNumber("+4930" + (10_000_000 + n)), ContactUsage.MOBILE))
                .build();
    }

    /**
     * Stores {@code count} customers, each with a consent for every channel and purpose (one in ten an opt-out, the
     * others opt-ins captured explicitly or implicitly at random), suppresses the address of every hundredth and
     * records a recent marketing e-mail to every tenth. Empties the outbox as a relay would.
     */
    static void populate(Storage storage, ConsentService consents, int count, SplittableRandom random) {
        for (int n = 0; n < count; n++) {
            storage.customers().create(customer(n));
            CustomerId id = customerId(n);
            for (ConsentChannel c : CHANNELS) {
                for (Purpose p : PURPOSES) {
                    ConsentScope scope = ConsentScope.of(c, p);
                    if (random.nextInt(10) == 0) {
                        consents.optOut(TENANT, id, scope, EVIDENCE);
                    } else {
                        consents.optIn(TENANT, id, scope, CAPTURES[random.nextInt(CAPTURES.length)], EVIDENCE);
                    }
                }
            }
            if (n % 100 == 0) {
                consents.suppress(TENANT, email(n), SuppressionReason.HARD_BOUNCE);
            }
            recordSend(consents, n);
            if (n % 10_000 == 0) {
                deliver(storage.outbox());
            }
        }
        deliver(storage.outbox());
    }

    /**
     * Records the recent marketing e-mail of customer {@code n} in the engine's pressure counter if {@link #populate}
     * gives it one (every tenth customer): for an engine that did not populate the storage itself, as a host feeds
     * its counter again after a restart.
     */
    static void recordSend(ConsentService consents, int n) {
        if (n % 10 == 0) {
            consents.recordSent(TENANT, customerId(n), ConsentChannel.EMAIL, Purpose.MARKETING,
                    NOW.minusSeconds(3600));
        }
    }

    /** Takes every event out of the outbox, as a relay that delivered them would. */
    static void deliver(Outbox outbox) {
        List<OutboxMessage> page;
        while (!(page = outbox.pending(0, Outbox.MAX_PAGE_SIZE)).isEmpty()) {
            outbox.delivered(page.stream().map(OutboxMessage::sequence).toList());
        }
    }

    /**
     * The engine over {@code storage}, with the defaults a {@code Crm} gives it: the system clock, the staleness
     * bound of 1 second (so decisions pay its check), salts from a {@code SecureRandom}; event ids from a seeded
     * generator, as {@code Crm}'s.
     */
    static ConsentService engine(Storage storage) {
        return engine(storage, Clock.systemUTC());
    }

    /** {@link #engine(Storage)} with another clock. */
    static ConsentService engine(Storage storage, Clock clock) {
        return engine(storage, storage.customers()::findById, clock);
    }

    /** {@link #engine(Storage, Clock)} finding the customers in {@code customers} instead of the storage. */
    static ConsentService engine(Storage storage, CustomerDirectory customers, Clock clock) {
        SplittableRandom ids = new SplittableRandom(11);
        return ConsentService.builder().storage(storage).customers(customers)
                .clock(clock).contactPressure(new InMemoryContactPressure()).hmacKey(KEY)
                .eventIds(() -> eventId(ids)).build();
    }

    private static synchronized EventId eventId(SplittableRandom random) {
        return EventId.of(new UUID(random.nextLong(), random.nextLong()));
    }
}
