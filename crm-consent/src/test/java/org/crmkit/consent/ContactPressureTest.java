package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.consent.Fixtures.T0;
import static org.crmkit.consent.Fixtures.TENANT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.crmkit.spi.Page;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.AppendResult;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;
import org.crmkit.spi.interaction.InteractionQuery;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;
import org.junit.jupiter.api.Test;

class ContactPressureTest {
    private static final CustomerId ANN = CustomerId.of("ann");

    /** Enough of an interaction store for the pressure counter: find, in the query's order, one page. */
    private static final class ListInteractionStore implements InteractionStore {
        private final List<Interaction> interactions = new ArrayList<>();

        @Override
        public AppendResult append(Interaction interaction) {
            interactions.add(interaction);
            return new AppendResult.Appended(interaction);
        }

        @Override
        public Optional<Interaction> findById(TenantId tenant, InteractionId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Interaction> findByExternalId(TenantId tenant, String source, String externalId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Interaction> find(TenantId tenant, Subject subject, InteractionQuery query) {
            Comparator<Interaction> order = Comparator.comparing(Interaction::occurredAt);
            return Page.last(interactions.stream().filter(i -> i.subject().equals(subject) && query.matches(i))
                    .sorted(query.order() == InteractionQuery.Order.NEWEST_FIRST ? order.reversed() : order)
                    .toList());
        }

        @Override
        public int reassign(TenantId tenant, Subject from, CustomerId to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Interaction> scan(TenantId tenant, Optional<String> after, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count(TenantId tenant) {
            return interactions.size();
        }
    }

    private static Interaction message(int n, Channel channel, InteractionType type, Instant at, String purpose) {
        Interaction.Builder b = Interaction.builder(TENANT, InteractionId.of("m" + n), Subject.customer(ANN), channel,
                type, at);
        if (purpose != null) {
            b.property(InteractionContactPressure.PURPOSE_PROPERTY, TypedValue.of(purpose));
        }
        return b.build();
    }

    @Test
    void interactionCounter_countsOutboundMessagesOfTheChannelAndPurpose_afterTheInstant() {
        ListInteractionStore store = new ListInteractionStore();
        store.append(message(1, Channel.EMAIL, InteractionType.MESSAGE_SENT, T0.plusSeconds(10), "marketing"));
        store.append(message(2, Channel.EMAIL, InteractionType.MESSAGE_SENT, T0.plusSeconds(20), null));
        store.append(message(3, Channel.EMAIL, InteractionType.MESSAGE_SENT, T0.plusSeconds(30), "service"));
        store.append(message(4, Channel.EMAIL, InteractionType.MESSAGE_OPENED, T0.plusSeconds(40), "marketing"));
        store.append(message(5, Channel.SMS, InteractionType.MESSAGE_SENT, T0.plusSeconds(50), "marketing"));
        store.append(message(6, Channel.EMAIL, InteractionType.MESSAGE_SENT, T0, "marketing"));
        ContactPressure counter = new InteractionContactPressure(store);

        assertThat(counter.sentSince(TENANT, ANN, ConsentChannel.EMAIL, Set.of(Purpose.MARKETING), T0)).isEqualTo(2);
        assertThat(counter.sentSince(TENANT, ANN, ConsentChannel.EMAIL, Set.of(), T0)).isEqualTo(3);
        assertThat(counter.sentSince(TENANT, ANN, ConsentChannel.SMS, Set.of(), T0)).isEqualTo(1);
    }

    @Test
    void interactionCounter_recordsEachSendAsAMessageSent_thatItCounts() {
        ListInteractionStore store = new ListInteractionStore();
        AtomicInteger ids = new AtomicInteger();
        ContactPressure counter = new InteractionContactPressure(store, store::append,
                () -> InteractionId.of("sent-" + ids.incrementAndGet()));

        counter.recordSent(TENANT, ANN, ConsentChannel.EMAIL, Purpose.MARKETING, T0.plusSeconds(5));

        assertThat(counter.sentSince(TENANT, ANN, ConsentChannel.EMAIL, Set.of(Purpose.MARKETING), T0)).isEqualTo(1);
        assertThat(counter.sentSince(TENANT, ANN, ConsentChannel.EMAIL, Set.of(Purpose.SERVICE), T0)).isZero();
        assertThat(store.count(TENANT)).isEqualTo(1);
    }

    @Test
    void interactionCounterWithoutRecorder_refusesToRecordASend_ratherThanLoseIt() {
        ContactPressure counter = new InteractionContactPressure(new ListInteractionStore());

        assertThatThrownBy(() -> counter.recordSent(TENANT, ANN, ConsentChannel.EMAIL, Purpose.MARKETING, T0))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void memoryCounter_keepsTheLastSendsPerChannel_andFiltersByPurpose() {
        InMemoryContactPressure counter = new InMemoryContactPressure();
        for (int i = 1; i <= PressureCap.MAX_MESSAGES + 5; i++) {
            counter.recordSent(TENANT, ANN, ConsentChannel.EMAIL, i % 2 == 0 ? Purpose.MARKETING : Purpose.SERVICE,
                    T0.plus(Duration.ofMinutes(i)));
        }
        counter.recordSent(TENANT, ANN, ConsentChannel.SMS, Purpose.MARKETING, T0.plusSeconds(1));

        assertThat(counter.sentSince(TENANT, ANN, ConsentChannel.EMAIL, Set.of(), T0))
                .isEqualTo(PressureCap.MAX_MESSAGES);
        assertThat(counter.sentSince(TENANT, ANN, ConsentChannel.EMAIL, Set.of(Purpose.MARKETING),
                T0.plus(Duration.ofMinutes(30)))).isEqualTo(3);
        assertThat(counter.sentSince(TENANT, ANN, ConsentChannel.SMS, Set.of(Purpose.MARKETING), T0)).isEqualTo(1);
        assertThat(counter.sentSince(TenantId.of("other"), ANN, ConsentChannel.SMS, Set.of(), T0)).isZero();
    }
}
