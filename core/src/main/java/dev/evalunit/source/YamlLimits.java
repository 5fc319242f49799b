package dev.evalunit.source;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * How much YAML EvalUnit reads from one task file. Task files come from repositories and pull
 * requests, so a file must not be able to exhaust the memory or stack of the build that reads it.
 * The limits sit far above any real task file.
 */
@API(status = INTERNAL, since = "0.2.0")
public final class YamlLimits {

    /** The most characters (code points) in one file: a task file is text a person reviews. */
    public static final int MAX_CODE_POINTS = 3_000_000;

    /** The most aliases of lists or mappings in one file: a "billion laughs" needs many. */
    public static final int MAX_ALIASES = 50;

    /** The deepest nesting of lists and mappings, so reading cannot overflow the stack. */
    public static final int MAX_NESTING_DEPTH = 50;

    /**
     * The most nodes turned into plain values (tool results, schemas, arguments) in one file,
     * counting every expansion of an alias: what few aliases could still multiply stops here.
     */
    public static final int MAX_EXPANDED_NODES = 1_000_000;

    /**
     * The most characters of text one file (or one row of a dataset) reads to, counting every
     * expansion of an alias and every filled placeholder: an anchor on a large text referenced many
     * times, or a template that repeats a placeholder, is refused here before anything copies it.
     */
    public static final long MAX_EXPANDED_CHARACTERS = 10_000_000L;

    /** The most trials of one task: each is a model call, and results hold every one of them. */
    public static final int MAX_TRIALS = 1000;

    private YamlLimits() {
    }
}
