package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.crmkit.spi.CrmException;
import org.crmkit.spi.DuplicateKeyException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.interaction.AppendResult;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionErasure;
import org.crmkit.spi.interaction.InteractionStore;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.interaction.Subject;

/**
 * One step of a random interaction-store scenario, over the indexes of {@link InteractionModel}'s universe. The
 * model predicts the outcome and changes only when the store call succeeded.
 */
sealed interface InteractionOp {
    void run(InteractionStore store, InteractionModel model);

    /**
     * Appends an interaction with idempotency key {@code key} and id {@code (key + idShift) % KEYS}, so that a shift
     * of 0 keeps key and id together and others make ids collide with other keys.
     */
    record Append(int tenant, int key, int idShift, int subject, int minute, Channel channel, InteractionType type)
            implements InteractionOp {
        Interaction input() {
            return Interaction.builder(InteractionModel.tenant(tenant),
                            InteractionModel.id((key + idShift) % InteractionModel.KEYS),
                            InteractionModel.subject(subject), channel, type, Fixtures.T0.plusSeconds(60L * minute))
                    .source(InteractionModel.SOURCE, InteractionModel.externalId(key)).build();
        }

        @Override
        public void run(InteractionStore store, InteractionModel model) {
            Interaction input = input();
            TenantId t = input.tenant();
            Optional<Interaction> sameKey = model.byKey(t, input.source(), input.externalId());
            Optional<Interaction> sameId = model.byId(t, input.id());
            boolean idHeldByAnother = sameId.isPresent() && !sameId.equals(sameKey);
            if (sameKey.isPresent()) {
                // a Duplicate even though other fields differ; when the id is held by yet another interaction,
                // refusing is within the contract too. Either way nothing changes.
                AppendResult result;
                try {
                    result = store.append(input);
                } catch (DuplicateKeyException e) {
                    assertThat(idHeldByAnother).as("%s refused with %s", this, e).isTrue();
                    return;
                }
                assertThat(result).as(toString()).isEqualTo(new AppendResult.Duplicate(sameKey.get()));
                return;
            }
            List<Class<? extends CrmException>> failures = idHeldByAnother
                    ? List.of(DuplicateKeyException.class) : List.of();
            Expect.outcome(toString(), failures, () -> store.append(input)).ifPresent(r -> {
                assertThat(r).as(toString()).isEqualTo(new AppendResult.Appended(input));
                model.append(input);
            });
        }
    }

    /**
     * Appends the interactions of some {@link Append}s as one batch, which must do what appending them one by one
     * would: the model predicts each in turn. A batch that holds a certain refusal (a new key whose id is held by
     * another) must throw {@link DuplicateKeyException}, one that holds only a possible refusal (a stored key whose id
     * another holds) may; after a refusal the store must hold a prefix of the interactions the batch would have
     * stored before it, which the model then takes in.
     */
    record AppendAll(List<Append> items) implements InteractionOp {
        @Override
        public void run(InteractionStore store, InteractionModel model) {
            List<Interaction> batch = items.stream().map(Append::input).toList();
            InteractionModel sequential = model.copy();
            List<AppendResult> expected = new ArrayList<>();
            List<Interaction> stored = new ArrayList<>();
            boolean mayRefuse = false;
            boolean mustRefuse = false;
            for (Interaction input : batch) {
                Optional<Interaction> sameKey = sequential.byKey(input.tenant(), input.source(), input.externalId());
                Optional<Interaction> sameId = sequential.byId(input.tenant(), input.id());
                boolean idHeldByAnother = sameId.isPresent() && !sameId.equals(sameKey);
                if (sameKey.isPresent()) {
                    mayRefuse |= idHeldByAnother;
                    expected.add(new AppendResult.Duplicate(sameKey.get()));
                } else if (idHeldByAnother) {
                    mustRefuse = true;
                    break;
                } else {
                    expected.add(new AppendResult.Appended(input));
                    sequential.append(input);
                    stored.add(input);
                }
            }
            List<AppendResult> results;
            try {
                results = store.appendAll(batch);
            } catch (DuplicateKeyException e) {
                assertThat(mayRefuse || mustRefuse).as("%s refused with %s", this, e).isTrue();
                long added = 0;
                for (TenantId t : InteractionModel.TENANTS) {
                    added += store.count(t) - model.log(t).size();
                }
                assertThat(added).as("%s stored after a refusal", this).isBetween(0L, (long) stored.size());
                stored.subList(0, (int) added).forEach(model::append);
                return;
            }
            assertThat(mustRefuse).as("%s returned %s, expected a refusal", this, results).isFalse();
            assertThat(results).as(toString()).isEqualTo(expected);
            stored.forEach(model::append);
        }
    }

    /** Moves the interactions of subject {@code from} to customer {@code to} (never the same subject). */
    record Reassign(int tenant, int from, int to) implements InteractionOp {
        @Override
        public void run(InteractionStore store, InteractionModel model) {
            TenantId t = InteractionModel.tenant(tenant);
            Subject fromSubject = InteractionModel.subject(from);
            Subject toSubject = InteractionModel.subject(to);
            int moved = store.reassign(t, fromSubject, ((Subject.Known) toSubject).customer());
            assertThat(moved).as(toString()).isEqualTo(model.reassign(t, fromSubject, toSubject));
        }
    }

    /** Erases a subject's interactions; run only against stores that offer erasure. */
    record Erase(int tenant, int subject) implements InteractionOp {
        @Override
        public void run(InteractionStore store, InteractionModel model) {
            TenantId t = InteractionModel.tenant(tenant);
            Subject s = InteractionModel.subject(subject);
            int erased = store.capability(InteractionErasure.class).orElseThrow().erase(t, s);
            assertThat(erased).as(toString()).isEqualTo(model.erase(t, s));
        }
    }
}
