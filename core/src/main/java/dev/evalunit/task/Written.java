package dev.evalunit.task;

import java.util.Objects;
import dev.evalunit.source.SourcePosition;

/**
 * A value read from a task file and where it was written, so that a rule checked after several
 * layers are merged (a pass above the trials, a reference calling a tool no layer declares) can
 * point at the value that breaks it, in whichever file it is.
 */
record Written<T>(T value, SourcePosition at) {

    Written {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(at, "at");
    }
}
