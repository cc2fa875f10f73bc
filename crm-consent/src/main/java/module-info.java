/** The crmkit consent engine: ledger, regime, decisions. Exports its API package only. */
module org.crmkit.consent {
    requires transitive org.crmkit.spi;
    requires static org.jspecify;

    exports org.crmkit.consent;
}
