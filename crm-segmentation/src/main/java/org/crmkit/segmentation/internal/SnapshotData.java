package org.crmkit.segmentation.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.crmkit.segmentation.InteractionHistory;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.Customer;
import org.crmkit.spi.customer.LifecycleStage;
import org.jspecify.annotations.Nullable;

/**
 * What compiled segments read of a customer snapshot, flattened once into a few small arrays allocated together,
 * so that deciding a customer follows few pointers (evaluating a million customers is bound by memory latency, not
 * by computation). The base of {@link org.crmkit.segmentation.CustomerSnapshot}; not API. Immutable.
 */
public abstract class SnapshotData {
    final Customer customer;
    final InteractionHistory interactions;
    final Map<String, Double> scores;
    final LifecycleStage stage;
    /**
     * In one array, so that a test touches one or two cache lines: attribute names (sorted), their texts (null
     * unless text or enumeration), their values, the tags (sorted), the score names (sorted).
     */
    private final @Nullable Object[] data;
    private final int attributes;
    private final int tags;
    private final double[] scoreValues;

    protected SnapshotData(Customer customer, InteractionHistory interactions, Map<String, Double> scores) {
        this.customer = customer;
        this.interactions = interactions;
        this.scores = scores;
        this.stage = customer.stage();
        SortedMap<String, TypedValue> byName = customer.attributes();
        TreeMap<String, Double> sortedScores = new TreeMap<>(scores);
        attributes = byName.size();
        tags = customer.tags().size();
        data = new Object[3 * attributes + tags + sortedScores.size()];
        int i = 0;
        for (Map.Entry<String, TypedValue> e : byName.entrySet()) {
            data[i] = e.getKey();
            data[attributes + i] = Values.textOrNull(e.getValue());
            data[2 * attributes + i] = e.getValue();
            i++;
        }
        int at = 3 * attributes;
        for (String tag : customer.tags()) {
            data[at++] = tag;
        }
        scoreValues = new double[sortedScores.size()];
        int k = 0;
        for (Map.Entry<String, Double> e : sortedScores.entrySet()) {
            data[at++] = e.getKey();
            scoreValues[k++] = e.getValue();
        }
    }

    /** The customer's profile. */
    public Customer customer() {
        return customer;
    }

    /** The customer's interaction figures. */
    public InteractionHistory interactions() {
        return interactions;
    }

    /** The customer's scores by name. */
    public Map<String, Double> scores() {
        return scores;
    }

    final int attributeIndex(String name) {
        return Arrays.binarySearch(data, 0, attributes, name);
    }

    final @Nullable TypedValue attribute(String name) {
        int i = attributeIndex(name);
        return i >= 0 ? (TypedValue) data[2 * attributes + i] : null;
    }

    /** The string of a text or enumeration attribute, else null. */
    final @Nullable String text(String name) {
        int i = attributeIndex(name);
        return i >= 0 ? (String) data[attributes + i] : null;
    }

    final boolean hasTag(String tag) {
        return Arrays.binarySearch(data, 3 * attributes, 3 * attributes + tags, tag) >= 0;
    }

    /** The index of score {@code name}, negative if absent. */
    final int scoreIndex(String name) {
        int from = 3 * attributes + tags;
        int i = Arrays.binarySearch(data, from, data.length, name);
        return i >= 0 ? i - from : -1;
    }

    final double score(int index) {
        return scoreValues[index];
    }
}
