package org.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.customer.Person;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.segment.SegmentChange;
import org.crmkit.spi.tck.MutableClock;
import org.junit.jupiter.api.Test;

class IncrementalSegmentsTest {
    private final List<SegmentChange> changes = new ArrayList<>();
    private final AtomicInteger profileEvaluations = new AtomicInteger();
    private final SegmentCatalog catalog = SegmentCatalog.builder().attributes(Fixtures.SCHEMA).score("engagement")
            .function(new PredicateFunction("counted", List.of(), (s, a) -> {
                profileEvaluations.incrementAndGet();
                return true;
            })).build();
    private final MutableClock clock = new MutableClock(Fixtures.NOW);

    private IncrementalSegments start() {
        return IncrementalSegments.of(catalog, Fixtures.TENANT, clock, Fixtures.ZONE, changes::add);
    }

    @Test
    void interactionRecorded_emitsEnteredOnceAndOnlyForAffectedSegments() {
        catalog.define("buyers", "count(order_placed within 30d) >= 2");
        catalog.define("profiled", "counted() and city exists");
        catalog.define("loyal_buyers", "segment(\"buyers\") and not segment(\"profiled\")");
        IncrementalSegments segments = start();
        CustomerSnapshot s = CustomerSnapshot.of(Fixtures.customer("ada").build());
        segments.load(List.of(s));
        profileEvaluations.set(0);

        Interaction o1 = Fixtures.order("o1", "ada", Channel.WEB, Fixtures.NOW.minusSeconds(60), "5.00");
        s = s.withInteraction(o1);
        segments.interactionRecorded(s, o1);
        assertThat(changes).isEmpty();
        Interaction o2 = Fixtures.order("o2", "ada", Channel.WEB, Fixtures.NOW.minusSeconds(30), "5.00");
        s = s.withInteraction(o2);
        segments.interactionRecorded(s, o2);
        Interaction v = Fixtures.interaction("v", "ada", InteractionType.PAGE_VIEW, Channel.WEB, Fixtures.NOW);
        segments.interactionRecorded(s.withInteraction(v), v);

        assertThat(changes).extracting(SegmentChange::kind, SegmentChange::segment).containsExactly(
                tuple(SegmentChange.Kind.ENTERED, "buyers"),
                tuple(SegmentChange.Kind.ENTERED, "loyal_buyers"));
        assertThat(changes.get(0).customer()).isEqualTo(CustomerId.of("ada"));
        assertThat(changes.get(0).at()).isEqualTo(Fixtures.NOW);
        assertThat(profileEvaluations).as("profiled itself is never re-evaluated on an interaction; loyal_buyers"
                + " reads it inlined, once buyers holds").hasValue(1);
        assertThat(segments.segmentsOf(CustomerId.of("ada"))).containsExactly("buyers", "loyal_buyers");
    }

    @Test
    void profileChanged_emitsEnteredAndLeft() {
        catalog.define("berliners", "city = \"Berlin\"");
        IncrementalSegments segments = start();
        Customer ada = Fixtures.customer("ada").build();
        segments.load(List.of(CustomerSnapshot.of(ada)));
        segments.profileChanged(CustomerSnapshot.of(ada.toBuilder().attribute("city", TypedValue.of("Berlin")).build()));
        segments.profileChanged(CustomerSnapshot.of(ada.toBuilder().attribute("city", TypedValue.of("Paris")).build()));
        assertThat(changes).extracting(SegmentChange::kind)
                .containsExactly(SegmentChange.Kind.ENTERED, SegmentChange.Kind.LEFT);
        assertThat(segments.members("berliners")).isEmpty();
    }

    @Test
    void reevaluate_letsCustomersLeaveAsTimePasses() {
        catalog.define("recent_web", "last(web) within 30d");
        IncrementalSegments segments = start();
        Interaction v = Fixtures.interaction("v", "ada", InteractionType.PAGE_VIEW, Channel.WEB, Fixtures.NOW);
        CustomerSnapshot s = CustomerSnapshot.of(Fixtures.customer("ada").build()).withInteraction(v);
        segments.interactionRecorded(s, v);
        assertThat(segments.isMember("recent_web", CustomerId.of("ada"))).isTrue();

        clock.set(Fixtures.NOW.plusSeconds(29L * 86_400));
        segments.reevaluate(List.of(s));
        assertThat(segments.isMember("recent_web", CustomerId.of("ada"))).isTrue();
        clock.set(Fixtures.NOW.plusSeconds(30L * 86_400));
        segments.reevaluate(List.of(s));
        assertThat(segments.isMember("recent_web", CustomerId.of("ada"))).isFalse();
        assertThat(changes).extracting(SegmentChange::kind)
                .containsExactly(SegmentChange.Kind.ENTERED, SegmentChange.Kind.LEFT);
    }

    @Test
    void reevaluate_decidesScoreSegmentsToo_asTheHostsDecayedScoresFall() {
        catalog.define("engaged", "score(\"engagement\") > 3");
        IncrementalSegments segments = start();
        CustomerSnapshot hot = CustomerSnapshot.of(Fixtures.customer("ada").build()).withScore("engagement", 5);
        segments.scoresChanged(hot);
        assertThat(segments.isMember("engaged", CustomerId.of("ada"))).isTrue();

        segments.reevaluate(List.of(hot.withScore("engagement", 2.5)));

        assertThat(segments.isMember("engaged", CustomerId.of("ada"))).isFalse();
        assertThat(changes).extracting(SegmentChange::kind)
                .containsExactly(SegmentChange.Kind.ENTERED, SegmentChange.Kind.LEFT);
    }

    @Test
    void removed_emitsLeftForEveryMembership() {
        catalog.define("all", "not city exists");
        IncrementalSegments segments = start();
        segments.refresh(CustomerSnapshot.of(Fixtures.customer("ada").build()));
        segments.removed(CustomerId.of("ada"));
        assertThat(changes).extracting(SegmentChange::kind)
                .containsExactly(SegmentChange.Kind.ENTERED, SegmentChange.Kind.LEFT);
        assertThat(segments.segmentsOf(CustomerId.of("ada"))).isEmpty();
    }

    @Test
    void snapshotOfAnotherTenant_isRefused() {
        IncrementalSegments segments = start();
        Customer other = Customer.builder(TenantId.of("other"), CustomerId.of("x"), Person.named("A", "B"),
                Fixtures.CREATED).build();
        assertThatThrownBy(() -> segments.refresh(CustomerSnapshot.of(other)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void manySegments_bitsBeyondTheFirstWordWork() {
        for (int i = 0; i < 130; i++) {
            catalog.define("s" + i, i % 2 == 0 ? "city exists" : "not city exists");
        }
        IncrementalSegments segments = start();
        segments.refresh(CustomerSnapshot.of(Fixtures.customer("ada").build()));
        assertThat(segments.segmentsOf(CustomerId.of("ada"))).hasSize(65).contains("s129").doesNotContain("s128");
    }
}
