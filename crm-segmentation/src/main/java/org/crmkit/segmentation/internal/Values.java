package org.crmkit.segmentation.internal;

import org.crmkit.spi.TypedValue;
import org.jspecify.annotations.Nullable;

/** Comparing attribute values with literals, as the segment language defines it. Stateless. */
final class Values {
    /** What {@link #compare} answers for values that cannot be compared; every operator is then false. */
    static final int INCOMPARABLE = Integer.MIN_VALUE;

    private Values() {
    }

    /**
     * The sign of {@code actual} compared with {@code literal}, or {@link #INCOMPARABLE}: texts and enumeration
     * constants compare as strings, numbers, dates and booleans by value, money only in the same currency.
     */
    static int compare(TypedValue actual, TypedValue literal) {
        if (actual instanceof TypedValue.Number a && literal instanceof TypedValue.Number b) {
            return Integer.signum(a.value().compareTo(b.value()));
        } else if (actual instanceof TypedValue.Date a && literal instanceof TypedValue.Date b) {
            return Integer.signum(a.value().compareTo(b.value()));
        } else if (actual instanceof TypedValue.Bool a && literal instanceof TypedValue.Bool b) {
            return Boolean.compare(a.value(), b.value());
        } else if (actual instanceof TypedValue.Amount a && literal instanceof TypedValue.Amount b) {
            return a.value().currency().equals(b.value().currency())
                    ? Integer.signum(a.value().amount().compareTo(b.value().amount())) : INCOMPARABLE;
        }
        String a = textOrNull(actual);
        String b = textOrNull(literal);
        return a != null && b != null ? Integer.signum(a.compareTo(b)) : INCOMPARABLE;
    }

    /** The string of a text or enumeration constant, else null. */
    static @Nullable String textOrNull(@Nullable TypedValue v) {
        if (v instanceof TypedValue.Text t) {
            return t.value();
        }
        return v instanceof TypedValue.Choice c ? c.value() : null;
    }

    static String text(TypedValue v) {
        String text = textOrNull(v);
        if (text == null) {
            throw new IllegalArgumentException("not a text: " + v.type());
        }
        return text;
    }
}
