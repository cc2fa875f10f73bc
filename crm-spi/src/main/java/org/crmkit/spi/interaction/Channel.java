package org.crmkit.spi.interaction;

/** The medium of an interaction. */
public enum Channel {
    PHONE, EMAIL, WEB, SMS, CHAT, SOCIAL, POSTAL_MAIL, FAX, IN_PERSON, PARTNER, PUSH
}
