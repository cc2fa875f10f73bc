package org.crmkit.spi.customer;

/** The kinds of {@link ContactValue}. */
public enum ContactKind {
    EMAIL, PHONE, POSTAL, SOCIAL, DEVICE
}
