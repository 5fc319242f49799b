package dev.evalunit.report;

import org.apiguardian.api.API;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * The figures of one model, overall and per tag.
 *
 * @param figures over all the model's tasks; never {@code null}
 * @param byTag tag &rarr; the figures of the model's tasks with that tag; iterates in tag order
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ModelFigures(Figures figures, Map<String, Figures> byTag) {

    public ModelFigures {
        Objects.requireNonNull(figures, "figures");
        byTag = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(byTag, "byTag")));
    }
}
