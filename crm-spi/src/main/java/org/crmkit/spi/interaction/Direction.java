package org.crmkit.spi.interaction;

/** Who started an interaction: the customer ({@code INBOUND}) or the company ({@code OUTBOUND}). */
public enum Direction {
    INBOUND, OUTBOUND
}
