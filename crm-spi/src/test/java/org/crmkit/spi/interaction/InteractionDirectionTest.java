package org.crmkit.spi.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.junit.jupiter.api.Test;

/** A sent message is outbound: by default, and never inbound, so no send escapes the contact-pressure count. */
class InteractionDirectionTest {
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private static Interaction.Builder of(InteractionType type) {
        return Interaction.builder(TenantId.of("t"), InteractionId.of("i-1"), Subject.customer(CustomerId.of("ann")),
                Channel.EMAIL, type, AT);
    }

    @Test
    void aMessageSent_isOutboundByDefault_otherTypesInbound() {
        assertThat(of(InteractionType.MESSAGE_SENT).build().direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(of(InteractionType.MESSAGE_OPENED).build().direction()).isEqualTo(Direction.INBOUND);
        assertThat(of(InteractionType.CALL).direction(Direction.OUTBOUND).build().direction())
                .isEqualTo(Direction.OUTBOUND);
    }

    @Test
    void anInboundMessageSent_isRefused_namingTheDirection() {
        assertThatThrownBy(() -> of(InteractionType.MESSAGE_SENT).direction(Direction.INBOUND).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("direction"));
    }
}
