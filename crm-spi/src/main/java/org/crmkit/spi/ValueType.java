package org.crmkit.spi;

/** The types a {@link TypedValue} can have. */
public enum ValueType {
    STRING, NUMBER, BOOLEAN, DATE, ENUMERATION, MONEY
}
