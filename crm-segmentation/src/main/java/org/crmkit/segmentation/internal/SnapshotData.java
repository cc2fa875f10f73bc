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
    private final String[] attributeNames;
    private final TypedValue[] attributeValues;
    private final @Nullable String[] attributeTexts;
    private final String[] tags;
    private final String[] scoreNames;
    private final double[] scoreValues;

    protected SnapshotData(Customer customer, InteractionHistory interactions, Map<String, Double> scores) {
        this.customer = customer;
        this.interactions = interactions;
        this.scores = scores;
        this.stage = customer.stage();
        SortedMap<String, TypedValue> attributes = customer.attributes();
        int n = attributes.size();
        attributeNames = new String[n];
        attributeValues = new TypedValue[n];
        attributeTexts = new String[n];
        int i = 0;
        for (Map.Entry<String, TypedValue> e : attributes.entrySet()) {
            attributeNames[i] = e.getKey();
            attributeValues[i] = e.getValue();
            attributeTexts[i] = Values.textOrNull(e.getValue());
            i++;
        }
        tags = customer.tags().toArray(String[]::new);
        TreeMap<String, Double> sorted = new TreeMap<>(scores);
        scoreNames = sorted.keySet().toArray(String[]::new);
        scoreValues = new double[scoreNames.length];
        int k = 0;
        for (Double v : sorted.values()) {
            scoreValues[k++] = v;
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
        return Arrays.binarySearch(attributeNames, name);
    }

    final @Nullable TypedValue attribute(String name) {
        int i = attributeIndex(name);
        return i >= 0 ? attributeValues[i] : null;
    }

    /** The string of a text or enumeration attribute, else null. */
    final @Nullable String text(String name) {
        int i = attributeIndex(name);
        return i >= 0 ? attributeTexts[i] : null;
    }

    final boolean hasTag(String tag) {
        return Arrays.binarySearch(tags, tag) >= 0;
    }

    /** The index of score {@code name}, negative if absent. */
    final int scoreIndex(String name) {
        return Arrays.binarySearch(scoreNames, name);
    }

    final double score(int index) {
        return scoreValues[index];
    }
}
