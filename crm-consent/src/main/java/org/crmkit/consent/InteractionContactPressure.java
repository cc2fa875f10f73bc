package org.crmkit.consent;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.crmkit.spi.Checks;
import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;

/**
 * A {@link ContactPressure} that counts the messages recorded in an {@link InteractionStore}: outbound interactions
 * of type {@link InteractionType#MESSAGE_SENT} on the channel's {@link ConsentChannel#interactionChannel()}, whose
 * text or choice property {@value #PURPOSE_PROPERTY} names the purpose (a message without it counts for every
 * purpose). It reads the store on every call, newest first, and stops at {@link PressureCap#MAX_MESSAGES}: exact
 * and durable, but a store read per decision; prefer {@link InMemoryContactPressure} for large campaigns.
 *
 * <p>Thread-safe if the store is.
 */
public final class InteractionContactPressure implements ContactPressure {
    /** The interaction property that names a message's purpose. */
    public static final String PURPOSE_PROPERTY = "purpose";

    private final InteractionStore store;
    private final Optional<Recording> recording;

    /** How sends are recorded: the interactions to record, and where their ids come from. */
    private record Recording(Consumer<Interaction> recorder, Supplier<InteractionId> ids) {
    }

    /**
     * A counter of the messages in {@code store} that cannot record sends: {@link #recordSent} throws, so that no
     * send goes uncounted; record each message as a {@code message_sent} interaction instead.
     */
    public InteractionContactPressure(InteractionStore store) {
        this.store = Checks.notNull(store, "store");
        this.recording = Optional.empty();
    }

    /**
     * A counter of the messages in {@code store} whose {@link #recordSent} hands {@code recorder} a
     * {@code message_sent} interaction (outbound, on the channel's interaction channel, with the purpose in
     * {@value #PURPOSE_PROPERTY}, its id from {@code ids}) that this counter then counts.
     */
    public InteractionContactPressure(InteractionStore store, Consumer<Interaction> recorder,
                                      Supplier<InteractionId> ids) {
        this.store = Checks.notNull(store, "store");
        this.recording = Optional.of(new Recording(Checks.notNull(recorder, "recorder"), Checks.notNull(ids, "ids")));
    }

    /**
     * Records the send as a {@code message_sent} interaction through the recorder.
     *
     * @throws UnsupportedOperationException if this counter was built without a recorder
     */
    @Override
    public void recordSent(TenantId tenant, CustomerId customer, ConsentChannel channel, Purpose purpose,
                           Instant at) {
        Recording r = recording.orElseThrow(() -> new UnsupportedOperationException(
                "this counter reads message_sent interactions and records none: record the message as one"));
        r.recorder().accept(Interaction.builder(tenant, r.ids().get(), Subject.customer(customer),
                channel.interactionChannel(), InteractionType.MESSAGE_SENT, at)
                .property(PURPOSE_PROPERTY, TypedValue.of(purpose.name())).build());
    }

    @Override
    public int sentSince(TenantId tenant, CustomerId customer, ConsentChannel channel, Set<Purpose> purposes,
                         Instant since) {
        int[] count = {0};
        scan(tenant, customer, channel, since, true, i -> {
            if (counts(i, purposes)) {
                count[0]++;
            }
            return count[0] < PressureCap.MAX_MESSAGES;
        });
        return count[0];
    }

    @Override
    public Optional<Instant> firstSentSince(TenantId tenant, CustomerId customer, ConsentChannel channel,
                                            Set<Purpose> purposes, Instant since) {
        Instant[] first = {null};
        scan(tenant, customer, channel, since, false, i -> {
            if (counts(i, purposes)) {
                first[0] = i.occurredAt();
            }
            return first[0] == null;
        });
        return Optional.ofNullable(first[0]);
    }

    /**
     * Hands {@code visit} the customer's messages sent on the channel strictly after {@code since}, newest or
     * oldest first, until it answers false.
     */
    private void scan(TenantId tenant, CustomerId customer, ConsentChannel channel, Instant since,
                      boolean newestFirst, Predicate<Interaction> visit) {
        InteractionQuery all = InteractionQuery.all()
                .withChannels(Set.of(channel.interactionChannel()))
                .withTypes(Set.of(InteractionType.MESSAGE_SENT))
                .between(since, null);
        InteractionQuery query = newestFirst ? all.newestFirst() : all;
        Optional<String> cursor = Optional.empty();
        do {
            InteractionQuery q = cursor.isPresent() ? query.after(cursor.get()) : query;
            Page<Interaction> page = store.find(tenant, Subject.customer(customer), q);
            for (Interaction i : page.items()) {
                if (i.occurredAt().isAfter(since) && !visit.test(i)) {
                    return;
                }
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
    }

    private static boolean counts(Interaction message, Set<Purpose> purposes) {
        if (purposes.isEmpty()) {
            return true;
        }
        TypedValue named = message.properties().get(PURPOSE_PROPERTY);
        if (named == null) {
            return true;
        }
        String name = named instanceof TypedValue.Text t ? t.value()
                : named instanceof TypedValue.Choice c ? c.value() : "";
        return purposes.stream().anyMatch(p -> p.name().equals(name));
    }
}
