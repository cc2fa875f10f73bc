package org.crmkit.spi.consent;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.spi.Checks;

/**
 * The proof of a consent event: where it came from, when, what the person saw, and optional technical traces.
 * Immutable and thread-safe.
 *
 * @param source     the capture source (web form, agent, import batch, API, …)
 * @param capturedAt when the person gave, withdrew or confirmed consent; the event's instant
 * @param wording    the wording the person saw; the engine's policy decides for which opt-ins it is required
 * @param proof      IP address and user agent, if captured (personal data)
 */
public record Evidence(CaptureSource source, Instant capturedAt, Optional<Wording> wording,
                       Optional<TechnicalProof> proof) {
    public Evidence {
        Checks.notNull(source, "evidence.source");
        Checks.notNull(capturedAt, "evidence.capturedAt");
        Checks.notNull(wording, "evidence.wording");
        Checks.notNull(proof, "evidence.proof");
    }

    /** Evidence with a source and an instant only. */
    public static Evidence of(CaptureSource source, Instant capturedAt) {
        return new Evidence(source, capturedAt, Optional.empty(), Optional.empty());
    }

    /** Evidence with a source, an instant and the wording the person saw. */
    public static Evidence of(CaptureSource source, Instant capturedAt, Wording wording) {
        return new Evidence(source, capturedAt, Optional.of(Checks.notNull(wording, "wording")), Optional.empty());
    }

    public Evidence withProof(TechnicalProof newProof) {
        return new Evidence(source, capturedAt, wording, Optional.of(Checks.notNull(newProof, "proof")));
    }
}
