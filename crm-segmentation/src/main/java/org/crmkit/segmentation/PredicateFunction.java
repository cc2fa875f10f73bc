package org.crmkit.segmentation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.crmkit.segmentation.internal.Words;
import org.crmkit.spi.Checks;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.AttributeDefinition;

/**
 * A predicate a host adds to the segment language, called as {@code name(arg, …)}: crm-core registers
 * {@code can_contact(email, marketing)} this way, so that segments can ask consent without crm-segmentation knowing
 * crm-consent. Immutable and thread-safe if the evaluation is.
 *
 * <p>Arguments are literals, checked against {@code parameters} when a segment is defined: each parameter is an
 * {@link AttributeDefinition} whose name documents it, whose type the argument must have, and whose constants (for an
 * enumeration) list the words allowed. A bare word argument ({@code email}) is an enumeration constant.
 *
 * @param name       lower-case name, not a reserved word of the segment language
 * @param parameters the parameters, in order
 * @param evaluation decides the predicate for one customer; must be thread-safe, side-effect free and fast (it runs
 *                   once per customer in a bulk evaluation)
 */
public record PredicateFunction(String name, List<AttributeDefinition> parameters, Evaluation evaluation) {
    public PredicateFunction {
        Checks.snake(name, "function.name", 64);
        if (Words.isReserved(name)) {
            throw new ValidationException("function.name", "is a reserved word of the segment language");
        }
        parameters = List.copyOf(Checks.noNullElements(parameters, "function.parameters"));
        Checks.notNull(evaluation, "function.evaluation");
    }

    /** How a host evaluates its predicate. */
    @FunctionalInterface
    public interface Evaluation {
        /**
         * Whether the predicate holds for {@code customer}.
         *
         * @param customer  the customer's snapshot
         * @param arguments the call's arguments, checked against the parameters
         */
        boolean test(CustomerSnapshot customer, List<TypedValue> arguments);

        /**
         * The earliest instant after {@code now} at which {@link #test} could answer differently for this customer
         * with nothing about the customer changing (a consent's validity ending, say); empty if only a change can
         * change the answer. Tracked segments decide the customer again at that instant, so the instant may be
         * early, never late. The default says time alone changes nothing: a function that reads the clock must
         * override it.
         *
         * @param now the instant of the evaluation
         */
        default Optional<Instant> nextChange(CustomerSnapshot customer, List<TypedValue> arguments, Instant now) {
            return Optional.empty();
        }
    }
}
