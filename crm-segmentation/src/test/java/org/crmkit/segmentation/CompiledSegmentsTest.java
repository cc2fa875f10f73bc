package org.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.crmkit.spi.TypedValue;
import org.crmkit.spi.interaction.Channel;
import org.junit.jupiter.api.Test;

class CompiledSegmentsTest {
    private final SegmentCatalog catalog = Fixtures.catalog();

    @Test
    void matching_namesEverySegmentTheCustomerMeets_sorted() {
        catalog.define("vips", "vip = true");
        catalog.define("engaged", "score(\"engagement\") > 3");
        catalog.define("berliners", "city = \"Berlin\"");
        catalog.define("engaged_vips", "segment(\"vips\") and segment(\"engaged\")");
        CompiledSegments compiled = CompiledSegments.of(catalog, Fixtures.ZONE);
        CustomerSnapshot ada = CustomerSnapshot.of(Fixtures.customer("ada").attribute("vip", TypedValue.of(true))
                .build()).withScore("engagement", 4);

        assertThat(compiled.segments()).containsExactly("vips", "engaged", "berliners", "engaged_vips");
        assertThat(compiled.matching(ada, Fixtures.NOW)).containsExactly("engaged", "engaged_vips", "vips");
    }

    @Test
    void matching_measuresWindowsFromTheGivenInstant() {
        catalog.define("recent_buyers", "count(order_placed within 7d) >= 1");
        CompiledSegments compiled = CompiledSegments.of(catalog, Fixtures.ZONE);
        CustomerSnapshot ada = CustomerSnapshot.of(Fixtures.customer("ada").build())
                .withInteraction(Fixtures.order("o1", "ada", Channel.WEB, Fixtures.NOW, "5.00"));

        assertThat(compiled.matching(ada, Fixtures.NOW)).containsExactly("recent_buyers");
        assertThat(compiled.matching(ada, Fixtures.NOW.plus(Duration.ofDays(9)))).isEmpty();
    }

    @Test
    void segmentsDefinedLater_areNotCompiledIn() {
        catalog.define("vips", "vip = true");
        CompiledSegments compiled = CompiledSegments.of(catalog, Fixtures.ZONE);
        catalog.define("everyone", "not vip = true or vip = true");
        catalog.define("vips", "vip = false");
        CustomerSnapshot ada = new CustomerSnapshot(Fixtures.customer("ada").attribute("vip", TypedValue.of(true))
                .build(), InteractionHistory.empty(), Map.of());

        assertThat(compiled.segments()).containsExactly("vips");
        assertThat(compiled.matching(ada, Fixtures.NOW)).containsExactly("vips");
    }
}
