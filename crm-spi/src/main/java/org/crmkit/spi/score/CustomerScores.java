package org.crmkit.spi.score;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;

/**
 * Every score a customer has, by name. Immutable and thread-safe.
 *
 * @param customer the customer
 * @param scores   its scores by name, each stored under its own name; not empty
 */
public record CustomerScores(CustomerId customer, SortedMap<String, Score> scores) {
    public CustomerScores {
        Checks.notNull(customer, "customer");
        Checks.notNull(scores, "scores");
        if (scores.isEmpty()) {
            throw new ValidationException("scores", "must not be empty");
        }
        TreeMap<String, Score> copy = new TreeMap<>();
        scores.forEach((name, score) -> {
            Checks.notNull(score, "scores." + name);
            if (!score.name().equals(name)) {
                throw new ValidationException("scores." + name, "holds a score of another name");
            }
            copy.put(name, score);
        });
        scores = Collections.unmodifiableSortedMap(copy);
    }
}
