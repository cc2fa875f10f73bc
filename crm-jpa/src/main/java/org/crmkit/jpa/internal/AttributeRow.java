package org.crmkit.jpa.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A custom attribute's value: a row of {@code crm_customer_attribute}. {@code text} holds the exact value (the text,
 * the number's or amount's decimal string, the date in ISO form, {@code true}/{@code false}, the choice); the typed
 * columns hold it for SQL, exactly: a number or an amount as a {@code NUMERIC(200, 70)} (every value a
 * {@link org.crmkit.spi.TypedValue.Number} may hold), a date as its epoch day and as {@code month * 100 + day}
 * (what segment pushdown compares and tests anniversaries with); they are null for the other types.
 */
@Embeddable
public class AttributeRow {
    @Column(name = "value_type", nullable = false)
    String type;

    @Column(name = "text_value", nullable = false)
    String text;

    @Column(name = "number_value")
    BigDecimal number;

    @Column(name = "epoch_day")
    Long epochDay;

    @Column(name = "month_day")
    Integer monthDay;

    @Column(name = "currency")
    String currency;

    protected AttributeRow() {
    }

    AttributeRow(String type, String text, BigDecimal number, LocalDate date, String currency) {
        this.type = type;
        this.text = text;
        this.number = number;
        this.epochDay = date == null ? null : date.toEpochDay();
        this.monthDay = date == null ? null : date.getMonthValue() * 100 + date.getDayOfMonth();
        this.currency = currency;
    }
}
