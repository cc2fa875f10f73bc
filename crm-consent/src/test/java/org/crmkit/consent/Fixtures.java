package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;

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
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.EmailAddress;
import org.crmkit.spi.customer.Organization;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.tck.MutableClock;

/**
 * A consent engine over a {@link TestStorage}, a hand-moved clock and a map of customers; {@link #service} makes
 * more engines on the same storage (a restart, another node).
 */
final class Fixtures {
    static final TenantId TENANT = TenantId.DEFAULT;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final byte[] KEY = "0123456789abcdef0123456789abcdef-test-key".getBytes(StandardCharsets.US_ASCII);
    static final ConsentScope EMAIL_MARKETING = ConsentScope.of(ConsentChannel.EMAIL, Purpose.MARKETING);
    static final ConsentScope EMAIL_NEWSLETTER = ConsentScope.of(ConsentChannel.EMAIL, Purpose.NEWSLETTER);
    static final ConsentScope SMS_MARKETING = ConsentScope.of(ConsentChannel.SMS, Purpose.MARKETING);

    final MutableClock clock = new MutableClock(T0.plusSeconds(3600));
    final TestStorage storage = new TestStorage();
    final ListConsentStore store = storage.ledger;
    final MapSuppressionStore suppressions = storage.list;
    final InMemoryContactPressure pressure = new InMemoryContactPressure();
    final Map<CustomerId, Customer> customers = new ConcurrentHashMap<>();
    private long engines;
    final ConsentService consents;

    Fixtures() {
        this(ConsentPolicy.defaults());
    }

    Fixtures(ConsentPolicy policy) {
        consents = service(policy);
    }

    /** Another engine on the same storage, with the default staleness bound. */
    ConsentService service(ConsentPolicy policy) {
        return builder(policy).build();
    }

    /** A builder of another engine on the same storage, with salts of a seed of its own. */
    ConsentService.Builder builder(ConsentPolicy policy) {
        return ConsentService.builder().storage(storage)
                .customers((t, id) -> Optional.ofNullable(customers.get(id))).clock(clock).policy(policy)
                .contactPressure(pressure).hmacKey(KEY).salts(new SplittableRandom(engines++));
    }

    /** A consumer with a verified primary e-mail address and an unverified mobile number. */
    CustomerId person(String id) {
        Customer c = Customer.builder(TENANT, CustomerId.of(id), Person.named("Ann", "Lee"), T0)
                .contactPoints(List.of(
                        ContactPoint.of(EmailAddress.parse(id + "@example.com"), ContactUsage.HOME).asPrimary()
                                .asVerified(),
                        ContactPoint.of(PhoneNumber.parse("+4915112345678", "DE"), ContactUsage.MOBILE)))
                .build();
        customers.put(c.id(), c);
        return c.id();
    }

    /** A business with an e-mail address only. */
    CustomerId business(String id) {
        Customer c = Customer.builder(TENANT, CustomerId.of(id), Organization.named("Acme"), T0)
                .contactPoints(List.of(
                        ContactPoint.of(EmailAddress.parse(id + "@acme.example"), ContactUsage.WORK)))
                .build();
        customers.put(c.id(), c);
        return c.id();
    }

    /** A consumer without contact points. */
    CustomerId unreachable(String id) {
        Customer c = Customer.builder(TENANT, CustomerId.of(id), Person.named("No", "Contact"), T0).build();
        customers.put(c.id(), c);
        return c.id();
    }

    EmailAddress emailOf(CustomerId id) {
        return EmailAddress.parse(id.value() + "@example.com");
    }

    static Evidence form(Instant at) {
        return Evidence.of(CaptureSource.of(CaptureSource.Kind.WEB_FORM, "signup-form"), at,
                Wording.of("signup-v3", "Yes, send me offers by e-mail."));
    }

    static Evidence bare(Instant at) {
        return Evidence.of(CaptureSource.of(CaptureSource.Kind.API, "crm-ui"), at);
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Runs {@code threads} threads at once, thread {@code t} opting customer {@code customerOf(t)} in to and out of
     * the e-mail newsletter {@code perThread} times in turn through engine {@code engineOf(t)}, deciding after each
     * write; fails if any thread failed.
     */
    void toggleNewsletterConcurrently(int threads, int perThread, IntFunction<ConsentService> engineOf,
                                      IntFunction<CustomerId> customerOf) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < threads; t++) {
            ConsentService engine = engineOf.apply(t);
            CustomerId id = customerOf.apply(t);
            workers.add(new Thread(() -> {
                try {
                    for (int i = 0; i < perThread; i++) {
                        if (i % 2 == 0) {
                            engine.optIn(TENANT, id, EMAIL_NEWSLETTER, Capture.TICKED_BOX, form(now()));
                        } else {
                            engine.optOut(TENANT, id, EMAIL_NEWSLETTER, bare(now()));
                        }
                        engine.decide(TENANT, id, ConsentChannel.EMAIL, Purpose.NEWSLETTER, now());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        assertThat(failures).isEmpty();
    }
}
