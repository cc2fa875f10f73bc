package org.crmkit.segmentation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.crmkit.segmentation.internal.Inliner;
import org.crmkit.segmentation.internal.TypeChecker;
import org.crmkit.spi.Checks;
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.SegmentDefinition;

/**
 * The segments a host has defined, and what they may refer to: the attribute schema, the score names, the
 * predicate functions and the interaction types. Every definition is type-checked when it is made (unknown
 * attribute, score, function, interaction type or segment, a value of the wrong type, an operator the type lacks,
 * a cycle of references: a {@link SegmentTypeException}), so evaluation never fails on a type.
 *
 * <p>Thread-safe: definitions are replaced atomically, and readers see a consistent set.
 */
public final class SegmentCatalog {
    private final AttributeSchema schema;
    private final Set<String> scores;
    private final Map<String, PredicateFunction> functions;
    private final Consumer<SegmentCatalog> listener;
    private final Set<InteractionType> interactionTypes;
    private volatile Map<String, SegmentDefinition> definitions = Map.of();

    private SegmentCatalog(Builder b) {
        this.listener = b.listener;
        this.schema = b.schema;
        this.scores = Collections.unmodifiableSet(new TreeSet<>(b.scores));
        this.functions = Collections.unmodifiableMap(new TreeMap<>(b.functions));
        this.interactionTypes = Collections.unmodifiableSet(new TreeSet<>(b.interactionTypes));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses and defines (or redefines) segment {@code name}.
     *
     * @throws SegmentSyntaxException if {@code text} is not in the segment language
     * @throws SegmentTypeException   if it does not type-check against this catalog
     */
    public SegmentDefinition define(String name, String text) {
        Checks.snake(name, "segment.name", 64);
        return define(new SegmentDefinition(name, SegmentLanguage.parse(Checks.notNull(text, "text"))));
    }

    /**
     * Defines (or redefines) a segment.
     *
     * @throws SegmentTypeException if it does not type-check against this catalog or would close a cycle of
     *                              segment references
     */
    public synchronized SegmentDefinition define(SegmentDefinition definition) {
        Checks.notNull(definition, "definition");
        Map<String, SegmentDefinition> next = new LinkedHashMap<>(definitions);
        next.put(definition.name(), definition);
        new TypeChecker(schema, scores, functions, interactionTypes, next.keySet())
                .check(definition.name(), definition.condition());
        checkAcyclic(definition, next);
        definitions = Collections.unmodifiableMap(next);
        listener.accept(this);
        return definition;
    }

    /**
     * Removes segment {@code name}; nothing happens if it is not defined.
     *
     * @throws ValidationException if another segment refers to it
     */
    public synchronized void remove(String name) {
        for (SegmentDefinition d : definitions.values()) {
            if (!d.name().equals(name) && Inliner.references(d.condition()).contains(name)) {
                throw new ValidationException("segment." + name, "is referred to by segment '" + d.name() + "'");
            }
        }
        if (!definitions.containsKey(name)) {
            return;
        }
        Map<String, SegmentDefinition> next = new LinkedHashMap<>(definitions);
        next.remove(name);
        definitions = Collections.unmodifiableMap(next);
        listener.accept(this);
    }

    public Optional<SegmentDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /** Every definition, in the order first defined. */
    public List<SegmentDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    /**
     * Segment {@code name} with every segment reference replaced by the referenced condition: the form a
     * {@link org.crmkit.spi.segment.SegmentQueryCapability} receives.
     *
     * @throws org.crmkit.spi.NotFoundException if no such segment is defined
     */
    public SegmentDefinition resolve(String name) {
        Map<String, SegmentDefinition> current = definitions;
        SegmentDefinition d = current.get(name);
        if (d == null) {
            throw new NotFoundException("segment", name);
        }
        return new SegmentDefinition(name, Inliner.inline(d.condition(), conditions(current)));
    }

    public AttributeSchema schema() {
        return schema;
    }

    /** The known score names, sorted. */
    public Set<String> scores() {
        return scores;
    }

    /** The predicate functions by name, sorted. */
    public Map<String, PredicateFunction> functions() {
        return functions;
    }

    /** The interaction types segments may name, sorted: {@link InteractionType#STANDARD} and those registered. */
    public Set<InteractionType> interactionTypes() {
        return interactionTypes;
    }

    /** Every segment's condition by name, as one consistent view. */
    Map<String, Condition> conditions() {
        return conditions(definitions);
    }

    private static Map<String, Condition> conditions(Map<String, SegmentDefinition> definitions) {
        Map<String, Condition> result = new LinkedHashMap<>();
        definitions.forEach((n, d) -> result.put(n, d.condition()));
        return result;
    }

    private static void checkAcyclic(SegmentDefinition start, Map<String, SegmentDefinition> all) {
        List<String> path = new ArrayList<>();
        if (reaches(start.name(), start.name(), all, new HashSet<>(), path)) {
            path.add(0, start.name());
            throw new SegmentTypeException(start.name(), start.condition(),
                    "segment references form a cycle: " + String.join(" -> ", path));
        }
    }

    private static boolean reaches(String from, String target, Map<String, SegmentDefinition> all, Set<String> seen,
                                   List<String> path) {
        for (String next : Inliner.references(all.get(from).condition())) {
            if (next.equals(target) || seen.add(next) && reaches(next, target, all, seen, path)) {
                path.add(0, next);
                return true;
            }
        }
        return false;
    }

    /**
     * Builds a catalog. Not thread-safe; each setter checks its argument at once.
     */
    public static final class Builder {
        private AttributeSchema schema = AttributeSchema.empty();
        private final Set<String> scores = new HashSet<>();
        private final Map<String, PredicateFunction> functions = new LinkedHashMap<>();
        private Consumer<SegmentCatalog> listener = c -> { };
        private final Set<InteractionType> interactionTypes = new HashSet<>(InteractionType.STANDARD);

        private Builder() {
        }

        /**
         * Told after every definition, redefinition and removal, with the catalog, on the changing thread while it
         * holds the catalog's lock (so in the order of the changes, and before the change returns). Default: none.
         * What it throws propagates to the caller of the change, which has taken effect.
         */
        public Builder listener(Consumer<SegmentCatalog> changed) {
            this.listener = Checks.notNull(changed, "listener");
            return this;
        }

        /** The attributes segments may test; empty by default. */
        public Builder attributes(AttributeSchema schema) {
            this.schema = Checks.notNull(schema, "schema");
            return this;
        }

        /** A score segments may compare ({@code rfm.recency}, {@code engagement}). */
        public Builder score(String name) {
            scores.add(Checks.matching(name, "score", Condition.SCORE_NAME, 64, "lower-case names separated by dots"));
            return this;
        }

        public Builder scores(Collection<String> names) {
            Checks.noNullElements(names, "scores").forEach(this::score);
            return this;
        }

        /**
         * A predicate function segments may call.
         *
         * @throws ValidationException if a function of that name was already added
         */
        public Builder function(PredicateFunction function) {
            Checks.notNull(function, "function");
            if (functions.putIfAbsent(function.name(), function) != null) {
                throw new ValidationException("function", "'" + function.name() + "' is already registered");
            }
            return this;
        }

        /**
         * A host's own interaction type that segments may name, besides {@link InteractionType#STANDARD}: a segment
         * naming a type neither standard nor registered is refused (a misspelt {@code order_plcd} would otherwise
         * match nobody, silently). Registering a type twice is harmless.
         */
        public Builder interactionType(InteractionType type) {
            interactionTypes.add(Checks.notNull(type, "interactionType"));
            return this;
        }

        public SegmentCatalog build() {
            return new SegmentCatalog(this);
        }
    }
}
