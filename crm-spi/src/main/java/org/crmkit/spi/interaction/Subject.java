package org.crmkit.spi.interaction;

import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.Checks;

/** Whom an interaction is about: a known customer or an anonymous visitor. Immutable and thread-safe. */
public sealed interface Subject {
    static Subject customer(CustomerId id) {
        return new Known(id);
    }

    static Subject visitor(VisitorId id) {
        return new Anonymous(id);
    }

    /** A stable text form: {@code customer:<id>} or {@code visitor:<id>}. */
    String key();

    /** A customer of the tenant. */
    record Known(CustomerId customer) implements Subject {
        public Known {
            Checks.notNull(customer, "customer");
        }

        @Override
        public String key() {
            return "customer:" + customer.value();
        }
    }

    /** An anonymous visitor, until identified. */
    record Anonymous(VisitorId visitor) implements Subject {
        public Anonymous {
            Checks.notNull(visitor, "visitor");
        }

        @Override
        public String key() {
            return "visitor:" + visitor.value();
        }
    }
}
