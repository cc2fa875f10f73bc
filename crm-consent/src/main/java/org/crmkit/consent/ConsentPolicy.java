package org.crmkit.consent;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.crmkit.consent.internal.PolicyTable;
import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.Organization;
import org.crmkit.spi.customer.Person;

/**
 * The regime a host applies: which purposes and channels it knows, and for every audience, channel and purpose the
 * {@link ContactRule}; the contact-pressure caps; the double opt-in confirmation window. Implementations must be
 * immutable and thread-safe, and fast: {@link #rule} runs on every decision, {@link #audienceOf} once per customer
 * version the engine sees (it remembers the answer for that immutable {@code Customer} instance, so the audience
 * must depend on the customer alone).
 *
 * <h2>The defaults ({@link #defaults()})</h2>
 * Modelled on the EU regime (GDPR, ePrivacy), strict where member states differ; a host replaces them with
 * {@link #builder()} or adjusts them with {@link #defaultsBuilder()}.
 * <ul>
 *   <li>Purposes {@code marketing}, {@code newsletter}, {@code profiling}, {@code partner_offers},
 *       {@code service}; every {@link ConsentChannel}.</li>
 *   <li>Audience: an {@link Organization}, or a {@link Person} who is an organisation's contact, is
 *       {@link Audience#B2B}; everyone else (and a customer the directory does not know) {@link Audience#B2C}.</li>
 *   <li>{@code service}: {@link Regime#OPT_OUT} everywhere, no expiry.</li>
 *   <li>{@code marketing}, B2C: {@link Regime#EXPLICIT_OR_SOFT_OPT_IN} by e-mail, SMS and push (an explicit opt-in,
 *       or the soft opt-in of an existing customer; a pre-ticked box, an inferred consent or an import is refused);
 *       {@link Regime#EXPLICIT_OPT_IN} by phone and for web personalisation; {@link Regime#OPT_OUT} by postal mail.
 *       B2B: opt-out by e-mail, phone and postal mail, otherwise as B2C.</li>
 *   <li>{@code newsletter}, {@code profiling}, {@code partner_offers}: {@link Regime#EXPLICIT_OPT_IN}, except by
 *       postal mail ({@link Regime#OPT_OUT}).</li>
 *   <li>Opt-ins need the wording the person saw; they expire after 36 months, 13 months for web personalisation
 *       (the cookie-consent lifetime regulators recommend); opt-out rules need no wording and do not expire.</li>
 *   <li>Caps, over {@code marketing}, {@code newsletter} and {@code partner_offers}: e-mail 2 in 7 days, SMS 1 in
 *       30 days, phone 1 in 30 days, push 3 in 7 days.</li>
 *   <li>A double opt-in must be confirmed within 7 days.</li>
 * </ul>
 */
public interface ConsentPolicy {
    /** The purposes the policy governs; any other purpose is unknown to the engine. */
    Set<Purpose> purposes();

    /** The channels the policy governs; any other channel is unknown to the engine. */
    Set<ConsentChannel> channels();

    /**
     * The purposes that are direct marketing, which an objection under GDPR art. 21(3) ends: by default every purpose
     * the policy governs except {@link Purpose#SERVICE}.
     */
    default Set<Purpose> directMarketing() {
        Set<Purpose> marketing = new LinkedHashSet<>(purposes());
        marketing.remove(Purpose.SERVICE);
        return Collections.unmodifiableSet(marketing);
    }

    /** The audience a customer belongs to. */
    Audience audienceOf(Customer customer);

    /** The audience of a customer the directory does not know (a prospect captured before being stored). */
    Audience defaultAudience();

    /**
     * The rule of an audience, a governed channel and a known purpose.
     *
     * @throws ValidationException if the channel or the purpose is not governed
     */
    ContactRule rule(Audience audience, ConsentChannel channel, Purpose purpose);

    /** The caps on {@code channel}, in the order given to the builder. */
    List<PressureCap> caps(ConsentChannel channel);

    /** How long a double opt-in may wait for its confirmation. */
    Duration confirmationWindow();

    /** The documented defaults. */
    static ConsentPolicy defaults() {
        return defaultsBuilder().build();
    }

    /** A builder holding nothing: no purposes, no caps, every channel, a 7-day confirmation window. */
    static Builder builder() {
        return new Builder();
    }

    /** A builder holding the documented defaults, to adjust. */
    static Builder defaultsBuilder() {
        Period months36 = Period.ofMonths(36);
        ContactRule explicitOrSoft = ContactRule.explicitOrSoftOptIn().withValidity(months36);
        ContactRule explicit = ContactRule.explicitOptIn().withValidity(months36);
        ContactRule web = ContactRule.explicitOptIn().withValidity(Period.ofMonths(13));
        ContactRule optOut = ContactRule.optOut();
        Builder b = builder();
        b.purpose(Purpose.SERVICE, optOut);
        for (Purpose p : List.of(Purpose.NEWSLETTER, Purpose.PROFILING, Purpose.PARTNER_OFFERS, Purpose.MARKETING)) {
            b.purpose(p, explicit);
            b.rule(ConsentChannel.POSTAL_MAIL, p, optOut);
            b.rule(ConsentChannel.WEB_PERSONALISATION, p, web);
        }
        for (ConsentChannel c : List.of(ConsentChannel.EMAIL, ConsentChannel.SMS, ConsentChannel.PUSH)) {
            b.rule(c, Purpose.MARKETING, explicitOrSoft);
        }
        for (ConsentChannel c : List.of(ConsentChannel.EMAIL, ConsentChannel.PHONE)) {
            b.rule(Audience.B2B, c, Purpose.MARKETING, optOut);
        }
        Set<Purpose> promotional = Set.of(Purpose.MARKETING, Purpose.NEWSLETTER, Purpose.PARTNER_OFFERS);
        b.cap(PressureCap.of(ConsentChannel.EMAIL, promotional, 2, Duration.ofDays(7)));
        b.cap(PressureCap.of(ConsentChannel.SMS, promotional, 1, Duration.ofDays(30)));
        b.cap(PressureCap.of(ConsentChannel.PHONE, promotional, 1, Duration.ofDays(30)));
        b.cap(PressureCap.of(ConsentChannel.PUSH, promotional, 3, Duration.ofDays(7)));
        return b;
    }

    /** The default audience function: organisations and their contacts are B2B, everyone else B2C. */
    static Audience businessOrConsumer(Customer customer) {
        if (customer.party() instanceof Organization) {
            return Audience.B2B;
        }
        return customer.party() instanceof Person p && p.organization().isPresent() ? Audience.B2B : Audience.B2C;
    }

    /**
     * Builds a table-driven policy. Each setter checks its arguments at once. Not thread-safe; the policy it builds
     * is immutable and thread-safe.
     */
    final class Builder {
        private final Map<Purpose, ContactRule> purposes = new LinkedHashMap<>();
        private final Map<PolicyTable.Key, ContactRule> rules = new HashMap<>();
        private final List<PressureCap> caps = new ArrayList<>();
        private Set<ConsentChannel> channels = EnumSet.allOf(ConsentChannel.class);
        private Function<Customer, Audience> audiences = ConsentPolicy::businessOrConsumer;
        private Audience defaultAudience = Audience.B2C;
        private Duration confirmationWindow = Duration.ofDays(7);

        private Builder() {
        }

        /** Registers a purpose (built-in or host-defined) with its rule for every audience and channel. */
        public Builder purpose(Purpose purpose, ContactRule rule) {
            purposes.put(Checks.notNull(purpose, "purpose"), Checks.notNull(rule, "rule"));
            return this;
        }

        /**
         * Sets the rule of a channel and a registered purpose for every audience without its own rule.
         *
         * @throws UnknownPurposeException if the purpose is not registered
         */
        public Builder rule(ConsentChannel channel, Purpose purpose, ContactRule rule) {
            rules.put(key(null, channel, purpose), Checks.notNull(rule, "rule"));
            return this;
        }

        /**
         * Sets the rule of one audience, channel and registered purpose.
         *
         * @throws UnknownPurposeException if the purpose is not registered
         */
        public Builder rule(Audience audience, ConsentChannel channel, Purpose purpose, ContactRule rule) {
            rules.put(key(Checks.notNull(audience, "audience"), channel, purpose), Checks.notNull(rule, "rule"));
            return this;
        }

        /** Governs only these channels (default: all). */
        public Builder channels(Set<ConsentChannel> governed) {
            Checks.noNullElements(governed, "channels");
            if (governed.isEmpty()) {
                throw new ValidationException("channels", "must not be empty");
            }
            this.channels = EnumSet.copyOf(governed);
            return this;
        }

        /** Adds a contact-pressure cap. */
        public Builder cap(PressureCap cap) {
            caps.add(Checks.notNull(cap, "cap"));
            return this;
        }

        /** Removes every cap added so far. */
        public Builder clearCaps() {
            caps.clear();
            return this;
        }

        /** How customers map to audiences (default {@link ConsentPolicy#businessOrConsumer}); must be fast. */
        public Builder audiences(Function<Customer, Audience> audienceOf, Audience forUnknownCustomers) {
            this.audiences = Checks.notNull(audienceOf, "audienceOf");
            this.defaultAudience = Checks.notNull(forUnknownCustomers, "forUnknownCustomers");
            return this;
        }

        /** How long a double opt-in may wait for confirmation: 1 minute to 90 days (default 7 days). */
        public Builder confirmationWindow(Duration window) {
            Checks.notNull(window, "confirmationWindow");
            if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(Duration.ofDays(90)) > 0) {
                throw new ValidationException("confirmationWindow", "must be 1 minute to 90 days (" + window + ")");
            }
            this.confirmationWindow = window;
            return this;
        }

        /**
         * The policy.
         *
         * @throws ValidationException if no purpose is registered, or a cap names a purpose that is not
         */
        public ConsentPolicy build() {
            if (purposes.isEmpty()) {
                throw new ValidationException("purposes", "must not be empty");
            }
            for (PressureCap cap : caps) {
                for (Purpose p : cap.purposes()) {
                    if (!purposes.containsKey(p)) {
                        throw new UnknownPurposeException(p);
                    }
                }
            }
            return new PolicyTable(purposes, rules, caps, channels, audiences, defaultAudience, confirmationWindow);
        }

        private PolicyTable.Key key(Audience audience, ConsentChannel channel, Purpose purpose) {
            Checks.notNull(channel, "channel");
            Checks.notNull(purpose, "purpose");
            if (!purposes.containsKey(purpose)) {
                throw new UnknownPurposeException(purpose);
            }
            return new PolicyTable.Key(audience, channel, purpose);
        }
    }
}
