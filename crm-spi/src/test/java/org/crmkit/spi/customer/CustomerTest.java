package org.crmkit.spi.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class CustomerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Customer.Builder ann() {
        return Customer.builder(TenantId.DEFAULT, CustomerId.of("c-1"), Person.named("Ann", "Lee"), T0);
    }

    @Test
    void newCustomer_isAProspectOfVersionZero() {
        Customer c = ann().build();
        assertThat(c.version()).isZero();
        assertThat(c.stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(c.createdAt()).isEqualTo(T0);
    }

    @Test
    void stageChanges_keepTheInstantOfEachTransition() {
        Instant later = T0.plusSeconds(3600);
        Customer c = ann().stage(LifecycleStage.CUSTOMER, later).updatedAt(later).build();
        assertThat(c.stage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(c.stageHistory()).extracting(StageTransition::at).containsExactly(T0, later);
    }

    @Test
    void stageChangeBeforeThePreviousOne_isRefused() {
        assertThatThrownBy(() -> ann().stage(LifecycleStage.LEAD, T0.minusSeconds(1)).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("is before the last one");
    }

    @Test
    void oversizedOwner_isRefusedNamingTheField() {
        assertThatThrownBy(() -> ann().owner("x".repeat(65)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("owner"));
    }

    @Test
    void tooManyTags_areRefused() {
        Customer.Builder b = ann();
        for (int i = 0; i <= Customer.MAX_TAGS; i++) {
            b.tag("tag" + i);
        }
        assertThatThrownBy(b::build).isInstanceOf(ValidationException.class).hasMessageContaining("tags");
    }

    @Test
    void updatedBeforeCreated_isRefused() {
        assertThatThrownBy(() -> ann().updatedAt(T0.minusSeconds(1)).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("updatedAt");
    }

    @Test
    void collections_areUnmodifiable() {
        Customer c = ann().tag("vip").identity(new ExternalIdentity("webshop", "a-1")).build();
        assertThatThrownBy(() -> c.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.identities().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
