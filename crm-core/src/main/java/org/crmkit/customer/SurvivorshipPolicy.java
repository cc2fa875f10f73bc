package org.crmkit.customer;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import org.crmkit.spi.Checks;

/**
 * Which value survives when two merged customers disagree on a single-valued field. Fields are named {@code party},
 * {@code owner}, {@code stage} and {@code attributes.<name>}. Collections are never in conflict: tags, contact points
 * and identities are united (a contact point held by both keeps the survivor's primary flag and is verified if either
 * verified it). A value present on one side only always survives. Immutable and thread-safe.
 *
 * @param defaultRule the rule for fields without an override
 * @param overrides   rules per field name
 */
public record SurvivorshipPolicy(Rule defaultRule, SortedMap<String, Rule> overrides) {
    /** How a conflict on one field is resolved. */
    public enum Rule {
        /** The survivor's value wins. */
        SURVIVOR,
        /** The merged customer's value wins. */
        MERGED,
        /** The value of the customer updated last wins; the survivor's on a tie. */
        MOST_RECENT
    }

    public SurvivorshipPolicy {
        Checks.notNull(defaultRule, "defaultRule");
        Checks.notNull(overrides, "overrides");
        TreeMap<String, Rule> copy = new TreeMap<>();
        overrides.forEach((field, rule) -> copy.put(Checks.line(field, "overrides", 128),
                Checks.notNull(rule, "overrides." + field)));
        overrides = Collections.unmodifiableSortedMap(copy);
    }

    /** The survivor's values win every conflict. */
    public static SurvivorshipPolicy preferSurvivor() {
        return new SurvivorshipPolicy(Rule.SURVIVOR, new TreeMap<>());
    }

    /** The most recently updated customer's values win every conflict. */
    public static SurvivorshipPolicy preferMostRecent() {
        return new SurvivorshipPolicy(Rule.MOST_RECENT, new TreeMap<>());
    }

    /** This policy with {@code rule} for {@code field}. */
    public SurvivorshipPolicy with(String field, Rule rule) {
        TreeMap<String, Rule> copy = new TreeMap<>(overrides);
        copy.put(field, rule);
        return new SurvivorshipPolicy(defaultRule, copy);
    }

    public Rule ruleFor(String field) {
        return overrides.getOrDefault(field, defaultRule);
    }

}
