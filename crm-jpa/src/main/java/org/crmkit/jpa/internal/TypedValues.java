package org.crmkit.jpa.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;

/** Typed values (customer attributes, interaction properties) to rows and back, exactly. Stateless. */
final class TypedValues {
    private TypedValues() {
    }

    static AttributeRow row(TypedValue v) {
        if (v instanceof TypedValue.Text t) {
            return new AttributeRow("TEXT", t.value(), null, null, null);
        } else if (v instanceof TypedValue.Number n) {
            return new AttributeRow("NUMBER", n.value().toString(), n.value(), null, null);
        } else if (v instanceof TypedValue.Bool b) {
            return new AttributeRow("BOOL", Boolean.toString(b.value()), null, null, null);
        } else if (v instanceof TypedValue.Date d) {
            return new AttributeRow("DATE", d.value().toString(), null, d.value(), null);
        } else if (v instanceof TypedValue.Choice c) {
            return new AttributeRow("CHOICE", c.value(), null, null, null);
        } else if (v instanceof TypedValue.Amount a) {
            return new AttributeRow("AMOUNT", a.value().amount().toPlainString(), a.value().amount(), null,
                    a.value().currency().getCurrencyCode());
        }
        throw new IllegalStateException("unknown value type " + v.type());
    }

    static TypedValue value(AttributeRow r) {
        return switch (r.type) {
            case "TEXT" -> new TypedValue.Text(r.text);
            case "NUMBER" -> new TypedValue.Number(new BigDecimal(r.text));
            case "BOOL" -> new TypedValue.Bool(Boolean.parseBoolean(r.text));
            case "DATE" -> new TypedValue.Date(LocalDate.parse(r.text));
            case "CHOICE" -> new TypedValue.Choice(r.text);
            case "AMOUNT" -> new TypedValue.Amount(new Money(new BigDecimal(r.text),
                    Currency.getInstance(r.currency)));
            default -> throw new IllegalStateException("unknown value type in crm_customer_attribute: " + r.type);
        };
    }
}
