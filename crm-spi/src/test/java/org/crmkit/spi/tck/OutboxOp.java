package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.event.DomainEvent;
import org.crmkit.spi.event.Outbox;

/**
 * One step of a random outbox scenario. Deliveries and failures pick among every sequence given out so far
 * (pending, delivered, or of a unit not committed), so that the store must ignore those not pending. The model
 * predicts each result.
 */
sealed interface OutboxOp {
    void run(Outbox outbox, OutboxModel model);

    record Append(int tenant, int customer) implements OutboxOp {
        @Override
        public void run(Outbox outbox, OutboxModel model) {
            TenantId t = CustomerModel.tenant(tenant);
            DomainEvent event = OutboxModel.event(t, customer, model.nextEvent());
            long sequence = outbox.append(event);
            assertThat(sequence).as("%s: sequence after %d", this, model.lastSequence())
                    .isGreaterThan(model.lastSequence());
            model.append(sequence, event);
        }
    }

    /** Marks the picked sequences delivered, and one never given out if {@code unknown}. */
    record Deliver(List<Integer> picks, boolean unknown) implements OutboxOp {
        @Override
        public void run(Outbox outbox, OutboxModel model) {
            List<Long> sequences = new ArrayList<>();
            picks.forEach(p -> model.sequence(p).ifPresent(sequences::add));
            if (unknown) {
                sequences.add(model.lastSequence() + 1_000);
            }
            outbox.delivered(sequences);
            model.delivered(sequences);
        }
    }

    /** Discards what waits about the customers picked (of tenant {@code tenant}), as an erasure does. */
    record Discard(int tenant, List<Integer> customers) implements OutboxOp {
        @Override
        public void run(Outbox outbox, OutboxModel model) {
            TenantId t = CustomerModel.tenant(tenant);
            List<String> keys = customers.stream().map(c -> OutboxModel.event(t, c, 0).orderingKey()).toList();
            assertThat(outbox.discard(keys)).as(toString()).isEqualTo(model.discard(keys));
        }
    }

    record Fail(int pick, int minutes) implements OutboxOp {
        @Override
        public void run(Outbox outbox, OutboxModel model) {
            Instant retryAt = Fixtures.T0.plusSeconds(60L * minutes);
            model.sequence(pick).ifPresent(s -> {
                outbox.failed(s, retryAt);
                model.failed(s, retryAt);
            });
        }
    }

    /** Owner {@code owner} asks for the lease at {@code minute} for {@code minutes}. */
    record Lease(int owner, int minute, int minutes) implements OutboxOp {
        @Override
        public void run(Outbox outbox, OutboxModel model) {
            Instant now = Fixtures.T0.plusSeconds(60L * minute);
            Duration duration = Duration.ofMinutes(minutes);
            assertThat(outbox.lease("relay-" + owner, now, duration)).as(toString())
                    .isEqualTo(model.lease("relay-" + owner, now, duration));
        }
    }

    record Release(int owner) implements OutboxOp {
        @Override
        public void run(Outbox outbox, OutboxModel model) {
            outbox.release("relay-" + owner);
            model.release("relay-" + owner);
        }
    }
}
