package org.crmkit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.crmkit.analytics.AnalyticsService;
import org.crmkit.analytics.internal.CanContact;
import org.crmkit.analytics.internal.LiveScores;
import org.crmkit.consent.ConsentPolicy;
import org.crmkit.consent.ConsentService;
import org.crmkit.consent.InteractionContactPressure;
import org.crmkit.customer.CustomerService;
import org.crmkit.customer.DuplicateMatcher;
import org.crmkit.customer.SurvivorshipPolicy;
import org.crmkit.interaction.InteractionService;
import org.crmkit.internal.Engine;
import org.crmkit.internal.EventPublisher;
import org.crmkit.internal.IdSource;
import org.crmkit.internal.KeyLocks;
import org.crmkit.memory.InMemoryConsentStore;
import org.crmkit.memory.InMemoryCustomerStore;
import org.crmkit.memory.InMemoryInteractionStore;
import org.crmkit.spi.Checks;
import org.crmkit.scoring.EngagementRules;
import org.crmkit.segmentation.PredicateFunction;
import org.crmkit.segmentation.SegmentCatalog;
import org.crmkit.spi.StorageProvider;
import org.crmkit.spi.UnsupportedCapabilityException;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.customer.CustomerStore;
import org.crmkit.spi.customer.PhoneNumber;
import org.crmkit.spi.event.EventSink;
import org.crmkit.spi.interaction.InteractionStore;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of crmkit: one CRM engine over a customer store, an interaction store, a clock and an event sink.
 *
 * <pre>{@code
 * Crm crm = Crm.builder()
 *         .clock(Clock.systemUTC())
 *         .eventSink(event -> bus.send(event))
 *         .build();                       // in-memory stores unless given or discovered
 * Customer ann = crm.customers().register(TenantId.DEFAULT, Person.named("Ann", "Lee"),
 *         b -> b.contactPoint(ContactPoint.of(EmailAddress.parse("ann@example.com"), ContactUsage.HOME)));
 * }</pre>
 *
 * <p>Thread-safe: one instance serves every thread of the host.
 */
public final class Crm {
    private final Engine engine;
    private final CustomerService customers;
    private final InteractionService interactions;
    private final Optional<ConsentService> consents;
    private final AnalyticsService analytics;

    private Crm(Engine engine, Builder b) {
        this.engine = engine;
        this.customers = new CustomerService(engine, b.matcher != null ? b.matcher : DuplicateMatcher.sameEmailOrPhone(),
                b.survivorship != null ? b.survivorship : SurvivorshipPolicy.preferSurvivor());
        this.interactions = new InteractionService(engine, customers);
        this.consents = Optional.ofNullable(b.hmacKey).map(key -> consentService(engine, b, key));
        SegmentCatalog.Builder catalog = SegmentCatalog.builder().attributes(engine.schema())
                .scores(AnalyticsService.SCORES);
        consents.ifPresent(c -> catalog.function(CanContact.function(c)));
        consents.ifPresent(c -> engine.events().observe(e -> forgetErased(c, e)));
        b.functions.forEach(catalog::function);
        this.analytics = new AnalyticsService(engine, catalog.build(), b.zone != null ? b.zone : ZoneOffset.UTC,
                new LiveScores(Optional.ofNullable(b.engagementRules)));
    }

    /** An erased customer leaves no contact data in what the consent engine remembers. */
    private static void forgetErased(ConsentService consents, DomainEvent event) {
        if (event instanceof DomainEvent.CustomerErased erased) {
            consents.forgetContactData(erased.tenant(), erased.customer());
        }
    }

    /** The consent engine over the given stores, or one in-memory store (of this engine alone) for both. */
    private static ConsentService consentService(Engine engine, Builder b, byte[] key) {
        @Nullable InMemoryConsentStore inMemory = b.consentStore == null || b.suppressionStore == null
                ? new InMemoryConsentStore() : null;
        return ConsentService.builder()
                .consentStore(b.consentStore != null ? b.consentStore : inMemory)
                .suppressionStore(b.suppressionStore != null ? b.suppressionStore : inMemory)
                .customers(engine.customers()::findById)
                .clock(engine.clock())
                .policy(b.consentPolicy != null ? b.consentPolicy : ConsentPolicy.defaults())
                .contactPressure(new InteractionContactPressure(engine.interactions()))
                .hmacKey(key)
                .build();
    }

    /** A builder with in-memory defaults for everything not set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Consent and permission marketing: the only gate a message passes.
     *
     * @throws UnsupportedCapabilityException if the builder was not given a {@link Builder#consentKey consent key}
     */
    public ConsentService consents() {
        return consents.orElseThrow(() -> new UnsupportedCapabilityException(
                "consent (give Crm.builder().consentKey(…) to enable it)"));
    }

    /** Segments, RFM, lifetime value and engagement scores over this engine's stores. */
    public AnalyticsService analytics() {
        return analytics;
    }

    public CustomerService customers() {
        return customers;
    }

    public InteractionService interactions() {
        return interactions;
    }

    /** The customer store in use (given, discovered or in-memory). */
    public CustomerStore customerStore() {
        return engine.customers();
    }

    /** The interaction store in use (given, discovered or in-memory). */
    public InteractionStore interactionStore() {
        return engine.interactions();
    }

    public Clock clock() {
        return engine.clock();
    }

    public AttributeSchema attributeSchema() {
        return engine.schema();
    }

    /**
     * Wires a {@link Crm}. Each option may be set once and is checked when set: a wrong value fails in its setter,
     * not in {@link #build()}. Not thread-safe.
     *
     * <p>Stores: those set explicitly are used. For a store not set, {@link StorageProvider}s are discovered with
     * {@link ServiceLoader}: none found means the in-memory store; one found is used; several found is an error
     * unless {@link #storageProvider(String)} names one.
     */
    public static final class Builder {
        private CustomerStore customerStore;
        private InteractionStore interactionStore;
        private String providerName;
        private Clock clock;
        private Long seed;
        private EventSink eventSink;
        private AttributeSchema schema;
        private String defaultRegion;
        private DuplicateMatcher matcher;
        private SurvivorshipPolicy survivorship;
        private ZoneId zone;
        private EngagementRules engagementRules;
        private final List<PredicateFunction> functions = new ArrayList<>();
        private byte[] hmacKey;
        private ConsentStore consentStore;
        private SuppressionStore suppressionStore;
        private ConsentPolicy consentPolicy;

        private Builder() {
        }

        public Builder customerStore(CustomerStore store) {
            once(customerStore, "customerStore");
            customerStore = Checks.notNull(store, "customerStore");
            return this;
        }

        public Builder interactionStore(InteractionStore store) {
            once(interactionStore, "interactionStore");
            interactionStore = Checks.notNull(store, "interactionStore");
            return this;
        }

        /** Chooses the discovered {@link StorageProvider} of this name for the stores not set explicitly. */
        public Builder storageProvider(String name) {
            once(providerName, "storageProvider");
            providerName = Checks.line(name, "storageProvider", 64);
            return this;
        }

        /** The clock of every instant crmkit stamps; default the system UTC clock. */
        public Builder clock(Clock clock) {
            once(this.clock, "clock");
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /** The seed of generated ids (customers, interactions, events); default a random seed. */
        public Builder seed(long seed) {
            once(this.seed, "seed");
            this.seed = seed;
            return this;
        }

        /** Where domain events go; default nowhere. */
        public Builder eventSink(EventSink sink) {
            once(eventSink, "eventSink");
            eventSink = Checks.notNull(sink, "eventSink");
            return this;
        }

        /** The custom attributes customers may have; default none. */
        public Builder attributeSchema(AttributeSchema schema) {
            once(this.schema, "attributeSchema");
            this.schema = Checks.notNull(schema, "attributeSchema");
            return this;
        }

        /** The region (ISO 3166-1 alpha-2) national phone numbers are read in; default none (international only). */
        public Builder defaultPhoneRegion(String region) {
            once(defaultRegion, "defaultPhoneRegion");
            if (!PhoneNumber.supportedRegions().contains(Checks.notNull(region, "defaultPhoneRegion"))) {
                throw new ValidationException("defaultPhoneRegion", "unknown region; supported: "
                        + PhoneNumber.supportedRegions());
            }
            defaultRegion = region;
            return this;
        }

        /** How duplicates are recognised; default {@link DuplicateMatcher#sameEmailOrPhone()}. */
        public Builder duplicateMatcher(DuplicateMatcher matcher) {
            once(this.matcher, "duplicateMatcher");
            this.matcher = Checks.notNull(matcher, "duplicateMatcher");
            return this;
        }

        /** Which values survive a merge; default {@link SurvivorshipPolicy#preferSurvivor()}. */
        public Builder survivorship(SurvivorshipPolicy policy) {
            once(survivorship, "survivorship");
            survivorship = Checks.notNull(policy, "survivorship");
            return this;
        }

        /** The time zone of day windows in segments and of calendar dates in scoring; default UTC. */
        public Builder zone(ZoneId zone) {
            this.zone = once(this.zone, zone, "zone");
            return this;
        }

        /** Rules of the live {@code engagement} score (points per interaction, half-life); default none. */
        public Builder engagementRules(EngagementRules rules) {
            this.engagementRules = once(this.engagementRules, rules, "engagementRules");
            return this;
        }

        /** A host predicate segments may call, such as {@code in_region("north")}; may be given several times. */
        public Builder segmentFunction(PredicateFunction function) {
            functions.add(Checks.notNull(function, "segmentFunction"));
            return this;
        }

        /**
         * Enables consent: the host-held key (at least 32 bytes) that signs unsubscribe tokens and keys the hashes of
         * the suppression list. Keep it secret and stable: a new key invalidates tokens and suppression entries.
         */
        public Builder consentKey(byte[] key) {
            Checks.notNull(key, "consentKey");
            if (key.length < ConsentService.Builder.MIN_KEY_BYTES) {
                throw new ValidationException("consentKey", "shorter than " + ConsentService.Builder.MIN_KEY_BYTES
                        + " bytes");
            }
            this.hmacKey = once(this.hmacKey, key.clone(), "consentKey");
            return this;
        }

        /** Where consent ledgers are kept; default in memory. */
        public Builder consentStore(ConsentStore store) {
            this.consentStore = once(this.consentStore, store, "consentStore");
            return this;
        }

        /** Where the suppression list is kept; default in memory. */
        public Builder suppressionStore(SuppressionStore store) {
            this.suppressionStore = once(this.suppressionStore, store, "suppressionStore");
            return this;
        }

        /** The consent regime; default {@link ConsentPolicy#defaults()}. */
        public Builder consentPolicy(ConsentPolicy policy) {
            this.consentPolicy = once(this.consentPolicy, policy, "consentPolicy");
            return this;
        }

        /**
         * Builds the engine.
         *
         * @throws ValidationException if several storage providers are discovered and none was chosen, or the
         *                             chosen one is not found
         */
        public Crm build() {
            CustomerStore cs = customerStore;
            InteractionStore is = interactionStore;
            if (cs == null || is == null) {
                Optional<StorageProvider> provider = discover();
                if (cs == null) {
                    cs = provider.map(StorageProvider::customerStore).orElseGet(InMemoryCustomerStore::new);
                }
                if (is == null) {
                    is = provider.map(StorageProvider::interactionStore).orElseGet(InMemoryInteractionStore::new);
                }
            }
            IdSource ids = new IdSource(seed != null ? seed : new SecureRandom().nextLong());
            Engine engine = new Engine(cs, is, clock != null ? clock : Clock.systemUTC(), ids,
                    new EventPublisher(eventSink != null ? eventSink : EventSink.NONE, ids), new KeyLocks(),
                    schema != null ? schema : AttributeSchema.empty(), defaultRegion);
            return new Crm(engine, this);
        }

        private Optional<StorageProvider> discover() {
            List<StorageProvider> found = ServiceLoader.load(StorageProvider.class).stream()
                    .map(ServiceLoader.Provider::get).collect(Collectors.toList());
            if (providerName != null) {
                return Optional.of(found.stream().filter(p -> p.name().equals(providerName)).findFirst()
                        .orElseThrow(() -> new ValidationException("storageProvider",
                                "no provider named '" + providerName + "' was discovered")));
            }
            if (found.size() > 1) {
                throw new ValidationException("storageProvider", "several providers were discovered ("
                        + found.stream().map(StorageProvider::name).sorted().collect(Collectors.joining(", "))
                        + "); choose one with storageProvider(name) or set the stores explicitly");
            }
            return found.stream().findFirst();
        }

        private static void once(Object current, String option) {
            if (current != null) {
                throw new IllegalStateException(option + " was already set");
            }
        }

        /** {@code value}, checked non-null, if {@code current} is not set yet. */
        private static <T> T once(T current, T value, String option) {
            once(current, option);
            return Checks.notNull(value, option);
        }
    }
}
