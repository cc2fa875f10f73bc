package org.crmkit.analytics.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.crmkit.consent.ConsentService;
import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.PredicateFunction;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.AttributeDefinition;

/**
 * The segment predicate {@code can_contact(channel, purpose)}: true when the consent engine allows contact now
 * (the same decision a campaign would get); it may change with time alone when a consent's validity ends or a
 * pressure cap's window moves, which the consent engine tells. Registered by {@code Crm} when consent is enabled; this is how segments
 * reach consent without crm-segmentation depending on crm-consent.
 */
public final class CanContact {
    public static final String NAME = "can_contact";

    private CanContact() {
    }

    public static PredicateFunction function(ConsentService consents) {
        Set<String> channels = new TreeSet<>();
        consents.policy().channels().forEach(c -> channels.add(c.name().toLowerCase(Locale.ROOT)));
        Set<String> purposes = new TreeSet<>();
        consents.policy().purposes().forEach(p -> purposes.add(p.name()));
        return new PredicateFunction(NAME, List.of(AttributeDefinition.enumeration("channel", channels),
                AttributeDefinition.enumeration("purpose", purposes)), new PredicateFunction.Evaluation() {
                    @Override
                    public boolean test(CustomerSnapshot customer, List<TypedValue> args) {
                        return consents.decide(customer.customer().tenant(), customer.customer().id(),
                                channel(args), Purpose.of(choice(args.get(1)))).isAllowed();
                    }

                    @Override
                    public Optional<Instant> nextChange(CustomerSnapshot customer, List<TypedValue> args,
                                                        Instant now) {
                        return consents.nextDecisionChange(customer.customer().tenant(), customer.customer().id(),
                                channel(args), Purpose.of(choice(args.get(1))), now);
                    }
                });
    }

    private static ConsentChannel channel(List<TypedValue> args) {
        return ConsentChannel.valueOf(choice(args.get(0)).toUpperCase(Locale.ROOT));
    }

    private static String choice(TypedValue value) {
        return ((TypedValue.Choice) value).value();
    }
}
