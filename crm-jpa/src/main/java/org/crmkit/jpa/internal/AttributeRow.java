package org.crmkit.jpa.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A custom attribute's value: a row of {@code crm_customer_attribute}. {@code text} holds the exact value (the text,
 * the number's or amount's decimal string, the date in ISO form, {@code true}/{@code false}, the choice); the typed
 * columns hold it for SQL (a number rounded to 10 decimals, a date of years 1 to 9999), and are null otherwise.
 */
@Embeddable
public class AttributeRow {
    @Column(name = "value_type", nullable = false)
    String type;

    @Column(name = "text_value", nullable = false)
    String text;

    @Column(name = "number_value")
    BigDecimal number;

    @Column(name = "date_value")
    LocalDate date;

    @Column(name = "currency")
    String currency;

    protected AttributeRow() {
    }

    AttributeRow(String type, String text, BigDecimal number, LocalDate date, String currency) {
        this.type = type;
        this.text = text;
        this.number = number;
        this.date = date;
        this.currency = currency;
    }
}
