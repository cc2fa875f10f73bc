package org.crmkit.spi.customer;

/** What a contact point is used for. */
public enum ContactUsage {
    HOME, WORK, MOBILE, OTHER
}
