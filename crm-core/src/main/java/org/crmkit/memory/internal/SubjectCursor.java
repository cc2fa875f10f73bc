package org.crmkit.memory.internal;

import java.time.DateTimeException;
import java.time.Instant;

import org.crmkit.spi.CrmException;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionId;

/**
 * The position of the last interaction of a page in a subject's order: its occurred-at instant and id, written as
 * {@code epochSecond:nano:id}. Stable across appends and reassignments, unlike an index.
 */
public record SubjectCursor(Instant at, InteractionId id) {
    public static SubjectCursor of(Interaction i) {
        return new SubjectCursor(i.occurredAt(), i.id());
    }

    /** @throws ValidationException naming {@code after} if {@code text} is not a cursor written by {@link #encode} */
    public static SubjectCursor parse(String text) {
        String[] parts = text.split(":", 3);
        try {
            if (parts.length != 3) {
                throw new NumberFormatException();
            }
            return new SubjectCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Integer.parseInt(parts[1])),
                    new InteractionId(parts[2]));
        } catch (NumberFormatException | DateTimeException | CrmException e) {
            throw new ValidationException("after", "is not a cursor of this store");
        }
    }

    public String encode() {
        return at.getEpochSecond() + ":" + at.getNano() + ":" + id.value();
    }

    /** Negative, zero or positive as this position is before, at or after {@code i} in oldest-first order. */
    public int compareTo(Interaction i) {
        int byTime = at.compareTo(i.occurredAt());
        return byTime != 0 ? byTime : id.compareTo(i.id());
    }

    public boolean matches(Interaction i) {
        return compareTo(i) == 0;
    }
}
