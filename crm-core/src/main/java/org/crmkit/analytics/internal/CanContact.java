package org.crmkit.analytics.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.crmkit.consent.ConsentService;
import org.crmkit.segmentation.PredicateFunction;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.consent.ConsentChannel;
import org.crmkit.spi.consent.Purpose;
import org.crmkit.spi.customer.AttributeDefinition;

/**
 * The segment predicate {@code can_contact(channel, purpose)}: true when the consent engine allows contact now
 * (the same decision a campaign would get). Registered by {@code Crm} when consent is enabled; this is how segments
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
                AttributeDefinition.enumeration("purpose", purposes)), (customer, args) -> {
                    ConsentChannel channel = ConsentChannel.valueOf(choice(args.get(0)).toUpperCase(Locale.ROOT));
                    Purpose purpose = Purpose.of(choice(args.get(1)));
                    return consents.decide(customer.customer().tenant(), customer.customer().id(), channel, purpose)
                            .isAllowed();
                });
    }

    private static String choice(TypedValue value) {
        return ((TypedValue.Choice) value).value();
    }
}
