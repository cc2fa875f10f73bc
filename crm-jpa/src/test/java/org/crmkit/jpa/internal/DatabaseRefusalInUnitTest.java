package org.crmkit.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.crmkit.jpa.Databases;
import org.crmkit.spi.DuplicateKeyException;
import org.junit.jupiter.api.Test;

/**
 * A write the database refused inside a unit, whose failure the unit's work caught: the unit fails at its end and
 * commits nothing (the provider marked the transaction for rollback), instead of losing its work silently.
 */
class DatabaseRefusalInUnitTest {
    @Test
    void aRefusedWriteCaughtInAUnit_failsTheUnit_andCommitsNothing() {
        Units units = new Units(Databases.h2());
        assertThatThrownBy(() -> units.atomically(List.of(), () -> {
            units.write(em -> {
                em.persist(new InteractionCounter("x"));
                return null;
            });
            try {
                units.write(em -> {
                    em.persist(new InteractionCounter("y"));
                    em.flush();
                    em.createNativeQuery("insert into crm_interaction_counter (tenant, next_seq) values ('x', 1)")
                            .executeUpdate();
                    return null;
                });
            } catch (DuplicateKeyException e) {
                assertThat(e.getMessage()).doesNotContain("'x'");
            }
            return null;
        })).isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat((Object) units.<InteractionCounter>read(em -> em.find(InteractionCounter.class, "x"))).isNull();
        assertThat((Object) units.<InteractionCounter>read(em -> em.find(InteractionCounter.class, "y"))).isNull();
    }
}
