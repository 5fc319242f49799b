package dev.evalunit.junit.engine;

/**
 * The unique-id segment types of EvalUnit's test tree, so an IDE's rerun or a
 * {@code selectUniqueId} finds the same test again:
 * {@code [engine:evalunit]/[suite:com.acme.SreEvalTest]/[task:tools/oom]}, or for an item of a
 * task list or dataset {@code [engine:evalunit]/[suite:com.acme.QaEvalTest]/[tasks:qa/capitals.yaml]/[task:capitals/fr]}.
 */
final class Segments {

    /** A suite declared by an {@code @EvalSuite} class; value: the class name. */
    static final String SUITE = "suite";
    /** A suite selected as a classpath resource; value: the resource path. */
    static final String CLASSPATH = "classpath";
    /** A suite selected as a file or directory; value: its absolute path. */
    static final String PATH = "path";
    /** One of several models of a suite; value: the model's name. */
    static final String MODEL = "model";
    /** A task; value: the task id. Under a {@link #TASKS} container, one item of the file. */
    static final String TASK = "task";
    /**
     * A task file that holds several tasks (a task list or a dataset), a container of one test per
     * item; value: the file's path. Not {@link #FILE}, which is a file that could not be loaded.
     */
    static final String TASKS = "tasks";
    /** A task file that could not be loaded; value: its path. */
    static final String FILE = "file";
    /** A suite location that could not be read; value: the location. */
    static final String LOCATION = "location";

    private Segments() {
    }
}
