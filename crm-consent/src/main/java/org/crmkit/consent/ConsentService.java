package org.crmkit.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.crmkit.consent.internal.CustomerConsents;
import org.crmkit.consent.internal.Decider;
import org.crmkit.consent.internal.KeyedHashes;
import org.crmkit.consent.internal.StateFold;
import org.crmkit.consent.internal.TenantLedger;
import org.crmkit.consent.internal.TokenCodec;
import org.crmkit.spi.Checks;
import org.crmkit.spi.ConcurrentModificationException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.consent.Capture;
import org.crmkit.spi.consent.CaptureSource;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.ConsentEvent;
import org.crmkit.spi.consent.ConsentScope;
import org.crmkit.spi.consent.ConsentState;
import org.crmkit.spi.consent.ConsentStore;
import org.crmkit.spi.consent.Evidence;
import org.crmkit.spi.consent.Hash256;
import org.crmkit.spi.consent.LedgerEntry;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.consent.SuppressionEntry;
import org.crmkit.spi.consent.SuppressionReason;
import org.crmkit.spi.consent.SuppressionStore;
import org.crmkit.spi.customer.ContactValue;
import org.crmkit.spi.customer.CustomerId;

/**
 * The consent engine: records consent events in each tenant's hash-chained ledger, derives states, keeps the
 * do-not-contact list, and {@link #decide decides} whether a customer may be contacted — the only gate campaigns
 * use.
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li><b>Derived state.</b> A consent's state at an instant is decided by its latest event at or before it
 *       ({@link ConsentState}); an opt-in past its validity is {@code EXPIRED}, a double opt-in request past its
 *       window {@code LAPSED}. A later event always replaces an earlier one: a withdrawal wins over every earlier
 *       opt-in. For contact at one contact point, the point's own consent and the channel-wide consent compete, and
 *       the later recorded wins.</li>
 *   <li><b>Time.</b> An event's instant is its evidence's capture instant. It may not be after the clock's present
 *       ({@link FutureEventException}) nor before the customer's latest event ({@link ValidationException}), so each
 *       customer's events are in time order and {@link #statusAt} answers for any past instant.</li>
 *   <li><b>Failures.</b> Every refused write throws before anything is appended: the ledger is as it was.</li>
 *   <li><b>Decisions</b> read an in-memory index of every customer's current state (built from the store when a
 *       tenant is first used), the suppression set, and the {@link ContactPressure}; never the ledger.</li>
 *   <li><b>One writer per ledger.</b> The engine serialises the writes of a tenant and assumes it is the only
 *       writer of the tenant's ledger; a concurrent writer elsewhere makes its next append fail with
 *       {@link ConcurrentModificationException}, and it must then be rebuilt.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class ConsentService {
    private final ConsentStore store;
    private final SuppressionStore suppressions;
    private final CustomerDirectory directory;
    private final Clock clock;
    private final ConsentPolicy policy;
    private final ContactPressure pressure;
    private final KeyedHashes hashes;
    private final TokenCodec tokens;
    private final Decider decider;
    private final Map<TenantId, TenantLedger> ledgers = new ConcurrentHashMap<>();

    private ConsentService(Builder b) {
        this.store = b.store;
        this.suppressions = b.suppressions;
        this.directory = b.directory;
        this.clock = b.clock;
        this.policy = b.policy;
        this.pressure = b.pressure;
        this.hashes = new KeyedHashes(b.hmacKey);
        this.tokens = new TokenCodec(hashes);
        this.decider = new Decider(policy, directory, pressure, hashes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ConsentPolicy policy() {
        return policy;
    }

    public Clock clock() {
        return clock;
    }

    private TenantLedger ledger(TenantId tenant) {
        Checks.notNull(tenant, "tenant");
        TenantLedger ledger = ledgers.get(tenant);
        return ledger != null ? ledger
                : ledgers.computeIfAbsent(tenant, t -> TenantLedger.load(t, store, suppressions));
    }

    // ------------------------------------------------------------------------------------------------ decisions

    /**
     * Whether {@code customer} may be contacted on {@code channel} for {@code purpose} at {@code at} (now, or a
     * planned send time): {@link ContactDecision.Allowed} with the contact point to use, or
     * {@link ContactDecision.Denied} with every reason that applies. Judges validity periods and pressure windows
     * at {@code at}, against the ledger as it stands. Reads memory only (and the {@link CustomerDirectory}).
     *
     * @throws UnknownPurposeException if the policy does not know the purpose
     * @throws UnknownChannelException if the policy does not govern the channel
     */
    public ContactDecision decide(TenantId tenant, CustomerId customer, ConsentChannel channel, Purpose purpose,
                                  Instant at) {
        return decider.decide(ledger(tenant), tenant, customer, channel, purpose, at);
    }

    /** {@link #decide(TenantId, CustomerId, ConsentChannel, Purpose, Instant)} at the clock's present. */
    public ContactDecision decide(TenantId tenant, CustomerId customer, ConsentChannel channel, Purpose purpose) {
        return decide(tenant, customer, channel, purpose, clock.instant());
    }

    // ---------------------------------------------------------------------------------------------------- writes

    /**
     * Records an opt-in.
     *
     * @return the consent's status now
     * @throws UnknownPurposeException   if the policy does not know the purpose
     * @throws UnknownChannelException   if the policy does not govern the channel
     * @throws MissingEvidenceException  if the rule requires the wording and the evidence has none
     * @throws FutureEventException      if the evidence is dated after the present
     * @throws ValidationException       if the capture is {@link Capture#DOUBLE_OPT_IN_CONFIRMED} (use
     *                                   {@link #confirm}) or the evidence is dated before the customer's latest
     *                                   event
     */
    public ConsentStatus optIn(TenantId tenant, CustomerId customer, ConsentScope scope, Capture capture,
                               Evidence evidence) {
        Checks.notNull(capture, "capture");
        ContactRule rule = checkedRule(tenant, customer, scope, evidence);
        requireWording(rule, scope, evidence);
        ConsentEvent event = new ConsentEvent.OptedIn(scope, capture, evidence, validUntil(rule, evidence));
        return write(tenant, customer, scope, c -> event);
    }

    /**
     * Records an opt-out (a withdrawal, or an objection where no opt-in was needed). No wording is needed.
     *
     * @return the consent's status now
     * @throws UnknownPurposeException if the policy does not know the purpose
     * @throws UnknownChannelException if the policy does not govern the channel
     * @throws FutureEventException    if the evidence is dated after the present
     * @throws ValidationException     if the evidence is dated before the customer's latest event
     */
    public ConsentStatus optOut(TenantId tenant, CustomerId customer, ConsentScope scope, Evidence evidence) {
        checkedRule(tenant, customer, scope, evidence);
        ConsentEvent event = new ConsentEvent.OptedOut(scope, evidence);
        return write(tenant, customer, scope, c -> event);
    }

    /**
     * Records that a double opt-in confirmation was requested; the confirmation window is the policy's. If the
     * consent is already an explicit, valid opt-in, nothing is written (a repeated sign-up does not put a confirmed
     * subscriber back to pending).
     *
     * @return the consent's status now
     * @throws UnknownPurposeException  if the policy does not know the purpose
     * @throws UnknownChannelException  if the policy does not govern the channel
     * @throws MissingEvidenceException if the rule requires the wording and the evidence has none
     * @throws FutureEventException     if the evidence is dated after the present
     * @throws ValidationException      if the evidence is dated before the customer's latest event
     */
    public ConsentStatus requestConfirmation(TenantId tenant, CustomerId customer, ConsentScope scope,
                                             Evidence evidence) {
        ContactRule rule = checkedRule(tenant, customer, scope, evidence);
        requireWording(rule, scope, evidence);
        ConsentEvent event = new ConsentEvent.ConfirmationRequested(scope, evidence,
                evidence.capturedAt().plus(policy.confirmationWindow()));
        return write(tenant, customer, scope, c -> {
            ConsentEvent latest = c.latest(scope);
            boolean confirmedAlready = StateFold.state(latest, evidence.capturedAt()) == ConsentState.OPTED_IN
                    && StateFold.capture(latest).isExplicit();
            return confirmedAlready ? null : event;
        });
    }

    /**
     * Records the confirmation of a pending double opt-in: an explicit opt-in
     * ({@link Capture#DOUBLE_OPT_IN_CONFIRMED}) with the rule's validity.
     *
     * @return the consent's status now
     * @throws ConfirmationNotPendingException if no request is pending for the scope at the evidence's instant
     * @throws UnknownPurposeException         if the policy does not know the purpose
     * @throws UnknownChannelException         if the policy does not govern the channel
     * @throws FutureEventException            if the evidence is dated after the present
     */
    public ConsentStatus confirm(TenantId tenant, CustomerId customer, ConsentScope scope, Evidence evidence) {
        ContactRule rule = checkedRule(tenant, customer, scope, evidence);
        ConsentEvent event = new ConsentEvent.Confirmed(scope, evidence, validUntil(rule, evidence));
        return write(tenant, customer, scope, c -> {
            ConsentState state = StateFold.state(c.latest(scope), evidence.capturedAt());
            if (state == ConsentState.LAPSED) {
                throw new ConfirmationNotPendingException(scope, ConfirmationNotPendingException.Reason.LAPSED);
            }
            if (state != ConsentState.PENDING_CONFIRMATION) {
                throw new ConfirmationNotPendingException(scope,
                        ConfirmationNotPendingException.Reason.NOT_REQUESTED);
            }
            return event;
        });
    }

    // ---------------------------------------------------------------------------------------------------- tokens

    /**
     * A signed token withdrawing the customer's consent to {@code channel} for {@code purpose}, valid for
     * {@code validFor} from now (rounded down to whole seconds): for an e-mail footer or a one-click link. Writes
     * nothing.
     *
     * @throws UnknownPurposeException if the policy does not know the purpose
     * @throws UnknownChannelException if the policy does not govern the channel
     * @throws ValidationException     if {@code validFor} is not positive
     */
    public String issueUnsubscribeToken(TenantId tenant, CustomerId customer, ConsentChannel channel,
                                        Purpose purpose, Duration validFor) {
        Checks.notNull(validFor, "validFor");
        if (validFor.isNegative() || validFor.getSeconds() < 1) {
            throw new ValidationException("validFor", "must be at least one second");
        }
        policy.rule(policy.defaultAudience(), Checks.notNull(channel, "channel"), Checks.notNull(purpose, "purpose"));
        return tokens.issue(new UnsubscribeToken(tenant, customer, channel, purpose,
                clock.instant().plus(validFor)));
    }

    /**
     * The claims of a genuine, unexpired token. Writes nothing.
     *
     * @throws InvalidTokenException if the token is malformed, forged or altered, or expired
     */
    public UnsubscribeToken verifyUnsubscribeToken(String token) {
        Checks.notNull(token, "token");
        return tokens.verify(token, clock.instant());
    }

    /**
     * Withdraws the consent a token names, now, with evidence from source {@code UNSUBSCRIBE_LINK}. If the consent is
     * opted out already, nothing is written: clicking twice is harmless.
     *
     * @return the consent's status now
     * @throws InvalidTokenException   if the token is malformed, forged or altered, or expired (nothing changes)
     * @throws UnknownPurposeException if the policy no longer knows the token's purpose
     */
    public ConsentStatus unsubscribe(String token) {
        UnsubscribeToken claims = verifyUnsubscribeToken(token);
        ConsentScope scope = ConsentScope.of(claims.channel(), claims.purpose());
        Evidence evidence = Evidence.of(CaptureSource.of(CaptureSource.Kind.UNSUBSCRIBE_LINK, "unsubscribe-token"),
                clock.instant());
        checkedRule(claims.tenant(), claims.customer(), scope, evidence);
        ConsentEvent event = new ConsentEvent.OptedOut(scope, evidence);
        return write(claims.tenant(), claims.customer(), scope, c -> c.latest(scope) instanceof ConsentEvent.OptedOut
                ? null : event);
    }

    // ----------------------------------------------------------------------------------------------- suppression

    /**
     * Puts a contact point on the tenant's do-not-contact list (only its keyed hash is stored). Idempotent: a point
     * listed already keeps its earlier entry, which is returned.
     */
    public SuppressionEntry suppress(TenantId tenant, ContactValue point, SuppressionReason reason) {
        Checks.notNull(point, "point");
        Checks.notNull(reason, "reason");
        TenantLedger ledger = ledger(tenant);
        SuppressionEntry entry = suppressions.suppress(new SuppressionEntry(tenant, hashes.contactHash(point),
                point.kind(), reason, clock.instant()));
        ledger.suppress(entry.contactHash());
        return entry;
    }

    /** Takes a contact point off the list; returns whether it was listed. */
    public boolean lift(TenantId tenant, ContactValue point) {
        Checks.notNull(point, "point");
        TenantLedger ledger = ledger(tenant);
        Hash256 hash = hashes.contactHash(point);
        boolean lifted = suppressions.lift(tenant, hash);
        ledger.lift(hash);
        return lifted;
    }

    /** Whether a contact point is on the tenant's do-not-contact list. */
    public boolean isSuppressed(TenantId tenant, ContactValue point) {
        Checks.notNull(point, "point");
        return ledger(tenant).isSuppressed(hashes.contactHash(point));
    }

    /**
     * Forgets what the engine remembers of the customer's data for its decisions (the preferred contact points and
     * the audience of the version last decided on); the ledger, a record of proof, is untouched. Call it when the
     * customer is erased ({@code Crm} does); a decision that finds the customer gone from the
     * {@link CustomerDirectory} forgets it too. Idempotent and thread-safe.
     */
    public void forgetContactData(TenantId tenant, CustomerId customer) {
        Checks.notNull(customer, "customer");
        ledger(tenant).forgetView(customer);
    }

    /**
     * Takes note that a message was sent, for the contact-pressure caps: forwarded to the
     * {@link ContactPressure#recordSent} of the configured counter (the {@link InMemoryContactPressure} by default;
     * a counter reading interactions ignores it, as the interactions are the record).
     */
    public void recordSent(TenantId tenant, CustomerId customer, ConsentChannel channel, Purpose purpose,
                           Instant at) {
        pressure.recordSent(tenant, customer, channel, purpose, at);
    }

    // ----------------------------------------------------------------------------------------------------- reads

    /** The consent's status now, from the in-memory index. */
    public ConsentStatus status(TenantId tenant, CustomerId customer, ConsentScope scope) {
        Checks.notNull(customer, "customer");
        Checks.notNull(scope, "scope");
        return StateFold.status(customer, scope, ledger(tenant).consents(customer).latest(scope), clock.instant());
    }

    /**
     * The consent's status at any instant, past or future (the auditor's question), from the customer's ledger
     * entries: the latest event of exactly this scope at or before {@code at} decides.
     */
    public ConsentStatus statusAt(TenantId tenant, CustomerId customer, ConsentScope scope, Instant at) {
        Checks.notNull(customer, "customer");
        Checks.notNull(scope, "scope");
        Checks.notNull(at, "at");
        List<LedgerEntry> entries = store.findByCustomer(tenant, customer);
        int lo = 0;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).event().at().isAfter(at)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        for (int i = lo - 1; i >= 0; i--) {
            ConsentEvent e = entries.get(i).event();
            if (e.scope().equals(scope)) {
                return StateFold.status(customer, scope, e, at);
            }
        }
        return ConsentStatus.none(customer, scope, at);
    }

    /** Every consent of the customer with at least one event, judged now, by channel, purpose and contact point. */
    public List<ConsentStatus> consents(TenantId tenant, CustomerId customer) {
        Checks.notNull(customer, "customer");
        Instant now = clock.instant();
        List<ConsentStatus> result = new ArrayList<>();
        for (ConsentEvent e : ledger(tenant).consents(customer).events()) {
            result.add(StateFold.status(customer, e.scope(), e, now));
        }
        result.sort(Comparator.comparing((ConsentStatus s) -> s.scope().channel())
                .thenComparing(s -> s.scope().purpose())
                .thenComparing(s -> s.scope().contactPoint().map(ContactValue::key).orElse("")));
        return List.copyOf(result);
    }

    /** The customer's ledger entries, in ledger order. */
    public List<LedgerEntry> history(TenantId tenant, CustomerId customer) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        return store.findByCustomer(tenant, customer);
    }

    /** The consent receipt to hand to the customer: every consent, judged now, with its evidence, and the history. */
    public ConsentReceipt receipt(TenantId tenant, CustomerId customer) {
        List<ConsentEvent> history = history(tenant, customer).stream().map(LedgerEntry::event).toList();
        return new ConsentReceipt(tenant, customer, clock.instant(), consents(tenant, customer), history);
    }

    /** The head of the tenant's ledger as this engine knows it, for anchoring elsewhere. */
    public LedgerHead head(TenantId tenant) {
        return ledger(tenant).head();
    }

    /**
     * Reads the tenant's whole ledger from the store and checks it: every entry's tenant, gap-free sequence, link to
     * the entry before, and hash; and that the ledger reaches this engine's head unchanged (so entries removed from
     * the end are found too). Linear in the ledger's size. Changes nothing.
     */
    public LedgerVerification verify(TenantId tenant) {
        return ledger(tenant).verify(Optional.empty());
    }

    /** {@link #verify(TenantId)}, also checking that the ledger holds {@code anchor} unchanged. */
    public LedgerVerification verify(TenantId tenant, LedgerHead anchor) {
        return ledger(tenant).verify(Optional.of(Checks.notNull(anchor, "anchor")));
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private ContactRule checkedRule(TenantId tenant, CustomerId customer, ConsentScope scope, Evidence evidence) {
        Checks.notNull(tenant, "tenant");
        Checks.notNull(customer, "customer");
        Checks.notNull(scope, "scope");
        Checks.notNull(evidence, "evidence");
        Audience audience = directory.find(tenant, customer).map(policy::audienceOf)
                .orElse(policy.defaultAudience());
        ContactRule rule = policy.rule(audience, scope.channel(), scope.purpose());
        Instant now = clock.instant();
        if (evidence.capturedAt().isAfter(now)) {
            throw new FutureEventException(evidence.capturedAt(), now);
        }
        return rule;
    }

    private static void requireWording(ContactRule rule, ConsentScope scope, Evidence evidence) {
        if (rule.wordingRequired() && evidence.wording().isEmpty()) {
            throw new MissingEvidenceException("evidence.wording", "an opt-in to " + scope.channel() + "/"
                    + scope.purpose() + " must carry the wording the person saw");
        }
    }

    private static Optional<Instant> validUntil(ContactRule rule, Evidence evidence) {
        return rule.validity().map(p -> evidence.capturedAt().atOffset(ZoneOffset.UTC).plus(p).toInstant());
    }

    private ConsentStatus write(TenantId tenant, CustomerId customer, ConsentScope scope,
                                Function<CustomerConsents, ConsentEvent> decide) {
        TenantLedger ledger = ledger(tenant);
        ledger.append(customer, clock.instant(), decide);
        return StateFold.status(customer, scope, ledger.consents(customer).latest(scope), clock.instant());
    }

    /**
     * Builds a {@link ConsentService}. Each setter checks its argument at once; {@link #build()} checks that the
     * required parts are set. Not thread-safe.
     */
    public static final class Builder {
        /** The smallest host key: 256 bits. */
        public static final int MIN_KEY_BYTES = 32;

        private ConsentStore store;
        private SuppressionStore suppressions;
        private CustomerDirectory directory;
        private Clock clock = Clock.systemUTC();
        private ConsentPolicy policy;
        private ContactPressure pressure;
        private byte[] hmacKey;

        private Builder() {
        }

        /** The ledger's store (required). */
        public Builder consentStore(ConsentStore consentStore) {
            this.store = Checks.notNull(consentStore, "consentStore");
            return this;
        }

        /** The do-not-contact list's store (required). */
        public Builder suppressionStore(SuppressionStore suppressionStore) {
            this.suppressions = Checks.notNull(suppressionStore, "suppressionStore");
            return this;
        }

        /** Where customers are found, e.g. {@code customerStore::findById} (required). */
        public Builder customers(CustomerDirectory customers) {
            this.directory = Checks.notNull(customers, "customers");
            return this;
        }

        /** The clock (default: the UTC system clock). */
        public Builder clock(Clock engineClock) {
            this.clock = Checks.notNull(engineClock, "clock");
            return this;
        }

        /** The policy (default: {@link ConsentPolicy#defaults()}). */
        public Builder policy(ConsentPolicy consentPolicy) {
            this.policy = Checks.notNull(consentPolicy, "policy");
            return this;
        }

        /** The pressure counter (default: a new {@link InMemoryContactPressure}). */
        public Builder contactPressure(ContactPressure contactPressure) {
            this.pressure = Checks.notNull(contactPressure, "contactPressure");
            return this;
        }

        /**
         * The host's secret key (required, at least {@value #MIN_KEY_BYTES} bytes, copied): signs unsubscribe tokens
         * and keys the hashes of suppressed contact points. Changing it invalidates every token issued and makes
         * every suppression entry unmatchable, so keep it as long as the list.
         */
        public Builder hmacKey(byte[] key) {
            Checks.notNull(key, "hmacKey");
            if (key.length < MIN_KEY_BYTES) {
                throw new ValidationException("hmacKey", "must have at least " + MIN_KEY_BYTES + " bytes ("
                        + key.length + ")");
            }
            this.hmacKey = key.clone();
            return this;
        }

        /**
         * The engine.
         *
         * @throws ValidationException if the consent store, suppression store, customer directory or key is missing
         */
        public ConsentService build() {
            require(store, "consentStore");
            require(suppressions, "suppressionStore");
            require(directory, "customers");
            require(hmacKey, "hmacKey");
            if (policy == null) {
                policy = ConsentPolicy.defaults();
            }
            if (pressure == null) {
                pressure = new InMemoryContactPressure();
            }
            return new ConsentService(this);
        }

        private static void require(Object part, String name) {
            if (part == null) {
                throw new ValidationException(name, "must be set");
            }
        }
    }
}
