package dev.evalunit.code;

import org.apiguardian.api.API;

import dev.evalunit.check.Check;
import dev.evalunit.check.Comparison;
import dev.evalunit.check.RunChecks;
import dev.evalunit.config.Durations;
import dev.evalunit.source.TaskFileException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Reads the parts of a task file that make it a code task: {@code workspace}, {@code reference}
 * (a folder, for code tasks), {@code run} and {@code expect.run}, into a {@link CodeSpec}, reading
 * the folders next to the task file at once. Errors are {@link TaskFileException}s with
 * {@code path:line:column}, like the rest of the task file's. The format is in
 * {@code docs/code-tasks.md}.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class CodeSpecReader {

    /** The top-level keys a code task adds to a task file. */
    public static final List<String> TASK_KEYS = List.of("workspace", "run", AgentSpecReader.ANSWER_KEY,
            AgentSpecReader.AGENT_KEY);

    /** The key a code task adds to {@code expect}. */
    public static final String EXPECT_KEY = "run";

    private static final List<String> RUN_KEYS = List.of("processes", "ports", "env", "timeout", "max-output",
            "libraries", "task-files");
    private static final List<String> PROCESS_KEYS = List.of("name", "main", "jar", "command", "args", "env", "ready",
            "jvm-options");
    private static final List<String> EXPECT_RUN_KEYS = List.of("exit-code", "output", "traces");
    private static final List<String> OUTPUT_KINDS = List.of("contains", "not-contains", "line", "lines");

    /** The engine sets the class path and the main class; these would replace them. */
    private static final Set<String> CLASS_PATH_OPTIONS = Set.of("-cp", "-classpath", "--class-path", "-jar",
            "-m", "--module");
    private static final Pattern PROCESS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern MAIN_CLASS = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    private static final Pattern PORT_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    /** {@code ${library:groupId:artifactId}}: the path of a {@code run.libraries} jar inside the sandbox. */
    static final String LIBRARY_PLACEHOLDER = "library:";
    /** The engine owns where spans go: a task that moved it would send them nowhere the checks look. */
    private static final Set<String> ENGINE_OWNED = Set.of("OTEL_EXPORTER_OTLP_ENDPOINT",
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");

    private CodeSpecReader() {
    }

    /**
     * @param task the task's top-level mapping; never {@code null}
     * @param file the task file's URI, whose folder the workspace and reference folders are relative
     *        to ({@code file:} or {@code jar:}); never {@code null}
     * @param path the task file's path as messages show it, such as {@code otel/manual-spans.yaml}; never {@code null}
     * @return the code spec, or empty when the task has none of {@code workspace}, {@code run} and
     *         {@code expect.run} (it is not a code task)
     * @throws TaskFileException when the code task is not valid, or a folder cannot be read
     */
    public static Optional<CodeSpec> read(MappingNode task, URI file, String path) {
        Objects.requireNonNull(task, "task");
        SpecYaml yaml = new SpecYaml(Objects.requireNonNull(file, "file"), Objects.requireNonNull(path, "path"));
        Map<String, NodeTuple> top = new LinkedHashMap<>();
        for (NodeTuple entry : task.getValue()) {
            top.put(SpecYaml.key(entry), entry);
        }
        Optional<NodeTuple> expectRun = expectEntry(top, EXPECT_KEY);
        Optional<NodeTuple> expectWorkspace = expectEntry(top, AgentSpecReader.EXPECT_KEY);
        NodeTuple workspace = top.get("workspace");
        NodeTuple run = top.get("run");
        if (workspace == null) {
            for (String key : List.of(AgentSpecReader.ANSWER_KEY, AgentSpecReader.AGENT_KEY)) {
                if (top.containsKey(key)) {
                    throw yaml.error(top.get(key).getKeyNode(), key + ": belongs to a code task, which needs"
                            + " workspace: and run:");
                }
            }
            if (expectWorkspace.isPresent()) {
                throw yaml.error(expectWorkspace.get().getKeyNode(), "expect.workspace checks what an agent did to"
                        + " a workspace, which needs workspace:, run: and answer: agent");
            }
            if (run != null) {
                throw yaml.error(run.getKeyNode(), "run: needs workspace: with the folder of source files the program"
                        + " is built from, such as workspace: checkout/workspace");
            }
            if (expectRun.isPresent()) {
                throw yaml.error(expectRun.get().getKeyNode(), "expect.run checks a program built from the answer,"
                        + " which needs workspace: and run:; remove expect.run or make this a code task");
            }
            return Optional.empty();
        }
        if (run == null) {
            throw yaml.error(workspace.getKeyNode(), "a task with workspace: needs run: with the processes to start,"
                    + " such as run: {processes: [{name: app, main: shop.App}]}");
        }
        Map<String, String> files = folder(yaml, workspace.getValueNode(), "workspace");
        Optional<Map<String, String>> reference = Optional.ofNullable(top.get("reference"))
                .map(entry -> {
                    Node value = entry.getValueNode();
                    if (!(value instanceof ScalarNode)) {
                        throw yaml.error(value, "reference of a code task is the folder of its solution's files,"
                                + " such as reference: checkout/reference; was " + SpecYaml.describe(value));
                    }
                    return folder(yaml, value, "reference");
                });
        RunSpec runSpec = run(yaml, run.getValueNode());
        List<Check> checks = new ArrayList<>(expectRun.map(entry -> expectRun(yaml, entry.getValueNode()))
                .orElse(List.of()));
        Optional<AgentSpec> agent = AgentSpecReader.read(yaml, top);
        expectWorkspace.ifPresent(entry -> checks.addAll(AgentSpecReader.expect(yaml, entry.getValueNode(),
                agent.isPresent())));
        return Optional.of(new CodeSpec(files, reference, runSpec, checks, yaml.at(workspace.getKeyNode()), agent));
    }

    private static Optional<NodeTuple> expectEntry(Map<String, NodeTuple> top, String key) {
        return Optional.ofNullable(top.get("expect"))
                .filter(expect -> expect.getValueNode() instanceof MappingNode)
                .flatMap(expect -> ((MappingNode) expect.getValueNode()).getValue().stream()
                        .filter(entry -> SpecYaml.key(entry).equals(key)).findFirst());
    }

    private static Map<String, String> folder(SpecYaml yaml, Node node, String name) {
        String folder = yaml.text(node, name);
        try {
            return TaskFolder.read(yaml.uri(), folder);
        } catch (TaskFolder.Problem e) {
            throw yaml.error(node, name + ": " + e.getMessage());
        }
    }

    private static RunSpec run(SpecYaml yaml, Node node) {
        Map<String, NodeTuple> run = yaml.mapping(node, "run", "a mapping with processes (and ports, env, timeout,"
                + " max-output)", RUN_KEYS);
        List<String> ports = new ArrayList<>();
        SpecYaml.value(run, "ports").ifPresent(value -> {
            List<Node> items = yaml.items(value, "run.ports", "port names, such as SERVER_PORT");
            for (int i = 0; i < items.size(); i++) {
                String port = yaml.text(items.get(i), "run.ports[" + i + "]");
                if (!PORT_NAME.matcher(port).matches() || port.startsWith("OTEL_")
                        || port.equals(CodeTrial.OTLP_ENDPOINT_PLACEHOLDER)) {
                    throw yaml.error(items.get(i), "port name \"" + port + "\" is not valid; a port is passed as an"
                            + " environment variable of that name, so write capitals, digits and _, such as SERVER_PORT"
                            + " (not OTEL_* nor " + CodeTrial.OTLP_ENDPOINT_PLACEHOLDER + ")");
                }
                if (ports.contains(port)) {
                    throw yaml.error(items.get(i), "duplicate port name \"" + port + "\"; name each port once");
                }
                ports.add(port);
            }
        });
        Set<String> placeholders = new HashSet<>(ports);
        placeholders.add(CodeTrial.OTLP_ENDPOINT_PLACEHOLDER);
        Map<String, String> env = SpecYaml.value(run, "env").map(value -> env(yaml, value, "run.env", placeholders))
                .orElse(Map.of());
        Optional<Duration> timeout = SpecYaml.value(run, "timeout").map(value -> {
            String text = yaml.text(value, "run.timeout");
            return Durations.parse(text).orElseThrow(() -> yaml.error(value,
                    "run.timeout \"" + text + "\" is not a duration; " + Durations.EXPECTED));
        });
        int maxOutput = SpecYaml.value(run, "max-output").map(value -> {
            long chars = SpecYaml.integer(value).orElse(-1L);
            if (chars < 1 || chars > 100_000_000) {
                throw yaml.error(value, "run.max-output must be a number of characters from 1 to 100000000, was "
                        + SpecYaml.describe(value));
            }
            return (int) chars;
        }).orElse(RunSpec.DEFAULT_MAX_OUTPUT_CHARS);
        List<java.nio.file.Path> libraries = new ArrayList<>();
        Map<String, java.nio.file.Path> libraryJars = new LinkedHashMap<>();
        SpecYaml.value(run, "libraries").ifPresent(value -> {
            List<Node> entries = yaml.items(value, "run.libraries", "Maven coordinates, such as com.google.code.gson:gson");
            for (int i = 0; i < entries.size(); i++) {
                Node item = entries.get(i);
                String coordinates = yaml.text(item, "run.libraries[" + i + "]");
                if (!TaskLibraries.COORDINATES.matcher(coordinates).matches()) {
                    throw yaml.error(item, "\"" + coordinates + "\" is not groupId:artifactId, such as"
                            + " com.google.code.gson:gson (the version is the one on the tests' class path)");
                }
                java.nio.file.Path jar = TaskLibraries.find(coordinates).orElseThrow(() -> yaml.error(item,
                        "the library " + coordinates + " is not on the tests' class path; add it to the build as a"
                                + " test-scoped dependency (code tasks download nothing while they run)"));
                libraries.add(jar);
                libraryJars.put(coordinates, jar);
            }
        });
        libraryJars.keySet().forEach(coordinates -> placeholders.add(LIBRARY_PLACEHOLDER + coordinates));
        Map<String, String> taskFiles = SpecYaml.value(run, "task-files")
                .map(value -> folder(yaml, value, "run.task-files")).orElse(Map.of());
        Node processesNode = SpecYaml.value(run, "processes").orElseThrow(() -> yaml.error(node,
                "run has no processes; add processes: with the main classes to start in order, such as"
                        + " - {name: app, main: shop.App}"));
        List<Node> items = yaml.items(processesNode, "run.processes", "processes with name and main");
        if (items.isEmpty()) {
            throw yaml.error(processesNode, "run.processes is empty; add at least one process, such as"
                    + " - {name: app, main: shop.App}");
        }
        List<ProcessSpec> processes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            ProcessSpec process = process(yaml, items.get(i), "run.processes[" + i + "]", placeholders, libraryJars);
            if (!names.add(process.name())) {
                throw yaml.error(items.get(i), "duplicate process name \"" + process.name() + "\"; name each once");
            }
            processes.add(process);
        }
        return new RunSpec(processes, ports, env, timeout, maxOutput, libraries, libraryJars, taskFiles);
    }

    private static ProcessSpec process(SpecYaml yaml, Node node, String name, Set<String> placeholders,
                                       Map<String, java.nio.file.Path> libraryJars) {
        Map<String, NodeTuple> process = yaml.mapping(node, name, "a mapping with name and main, jar or command (and"
                + " args, env, ready)", PROCESS_KEYS);
        Node nameNode = SpecYaml.value(process, "name").orElseThrow(() -> yaml.error(node,
                name + " has no name; add name: such as server or client"));
        String processName = yaml.text(nameNode, name + ".name");
        if (!PROCESS_NAME.matcher(processName).matches()) {
            throw yaml.error(nameNode, "process name \"" + processName + "\" is not valid; use 1 to 40 letters,"
                    + " digits, _ or -");
        }
        List<String> launches = PROCESS_KEYS.subList(1, 4).stream().filter(process::containsKey).toList();
        if (launches.size() != 1) {
            throw yaml.error(launches.isEmpty() ? node : process.get(launches.get(1)).getKeyNode(), name
                    + (launches.isEmpty() ? " has no main" : " has both " + launches.get(0) + " and " + launches.get(1))
                    + "; give exactly one of main: (the class whose main method starts it, such as shop.Server),"
                    + " jar: (a library of run.libraries to start with java -jar) and command: (a command line of"
                    + " the task's own, such as [python3, peer.py])");
        }
        String main = "";
        Optional<java.nio.file.Path> jar = Optional.empty();
        List<String> command = new ArrayList<>();
        Node mainNode = SpecYaml.value(process, "main").orElse(null);
        if (mainNode != null) {
            main = yaml.text(mainNode, name + ".main");
            if (!MAIN_CLASS.matcher(main).matches()) {
                throw yaml.error(mainNode, name + ".main \"" + main + "\" is not a Java class name; write the binary"
                        + " name, such as shop.Server");
            }
        }
        Node jarNode = SpecYaml.value(process, "jar").orElse(null);
        if (jarNode != null) {
            String coordinates = yaml.text(jarNode, name + ".jar");
            jar = Optional.ofNullable(libraryJars.get(coordinates));
            if (jar.isEmpty()) {
                throw yaml.error(jarNode, name + ".jar \"" + coordinates + "\" is not a library of run.libraries;"
                        + " declare it there by groupId:artifactId (declared: "
                        + (libraryJars.isEmpty() ? "none" : String.join(", ", libraryJars.keySet())) + ")");
            }
        }
        Node commandNode = SpecYaml.value(process, "command").orElse(null);
        if (commandNode != null) {
            List<Node> words = yaml.items(commandNode, name + ".command", "the executable and its arguments, such as"
                    + " [python3, peer.py]");
            if (words.isEmpty()) {
                throw yaml.error(commandNode, name + ".command is empty; write the executable and its arguments,"
                        + " such as [python3, peer.py]");
            }
            for (int i = 0; i < words.size(); i++) {
                String word = yaml.text(words.get(i), name + ".command[" + i + "]");
                placeholders(yaml, words.get(i), word, placeholders);
                command.add(word);
            }
            String executable = command.get(0);
            if (Commands.find(executable).isEmpty()) {
                throw yaml.error(words.get(0), name + ".command: the executable \"" + executable + "\" is not on this"
                        + " machine (looked for " + Commands.where(executable) + "); install it, or leave this task"
                        + " out where its toolchain is missing");
            }
        }
        List<String> args = new ArrayList<>();
        SpecYaml.value(process, "args").ifPresent(value -> {
            List<Node> items = yaml.items(value, name + ".args", "arguments");
            for (int i = 0; i < items.size(); i++) {
                String arg = yaml.text(items.get(i), name + ".args[" + i + "]");
                placeholders(yaml, items.get(i), arg, placeholders);
                args.add(arg);
            }
        });
        Map<String, String> env = SpecYaml.value(process, "env")
                .map(value -> env(yaml, value, name + ".env", placeholders)).orElse(Map.of());
        Optional<String> ready = SpecYaml.value(process, "ready").map(value -> yaml.text(value, name + ".ready"));
        List<String> jvmOptions = new ArrayList<>();
        SpecYaml.value(process, "jvm-options").ifPresent(value -> {
            List<Node> items = yaml.items(value, name + ".jvm-options", "JVM options, such as -Dshop.mode=test");
            for (int i = 0; i < items.size(); i++) {
                String option = yaml.text(items.get(i), name + ".jvm-options[" + i + "]");
                if (!option.startsWith("-") || CLASS_PATH_OPTIONS.contains(option)) {
                    throw yaml.error(items.get(i), "\"" + option + "\" is not a JVM option this run can take; write"
                            + " options that start with -, such as -Dshop.mode=test or -Xss1m (the class path is the"
                            + " engine's: add jars with run.libraries)");
                }
                placeholders(yaml, items.get(i), option, placeholders);
                jvmOptions.add(option);
            }
        });
        if (!command.isEmpty() && !jvmOptions.isEmpty()) {
            throw yaml.error(process.get("jvm-options").getKeyNode(), name + " runs a command, not a JVM: remove"
                    + " jvm-options, or put the options into the command");
        }
        return new ProcessSpec(processName, main, args, env, ready, jvmOptions, jar, command);
    }

    private static Map<String, String> env(SpecYaml yaml, Node node, String name, Set<String> placeholders) {
        Map<String, String> env = new LinkedHashMap<>();
        for (NodeTuple entry : yaml.entries(node, name, "environment variable names to values")) {
            String key = SpecYaml.key(entry);
            if (!ENV_NAME.matcher(key).matches()) {
                throw yaml.error(entry.getKeyNode(), "\"" + key + "\" is not an environment variable name; use"
                        + " letters, digits and _");
            }
            if (ENGINE_OWNED.contains(key)) {
                throw yaml.error(entry.getKeyNode(), key + " is set by the engine to its OTLP receiver for the trial;"
                        + " remove it (use ${" + CodeTrial.OTLP_ENDPOINT_PLACEHOLDER + "} where a value needs the"
                        + " receiver's URL)");
            }
            String value = yaml.text(entry.getValueNode(), name + "." + key);
            placeholders(yaml, entry.getValueNode(), value, placeholders);
            env.put(key, value);
        }
        return env;
    }

    private static void placeholders(SpecYaml yaml, Node node, String text, Set<String> known) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!known.contains(matcher.group(1))) {
                throw yaml.error(node, "unknown placeholder ${" + matcher.group(1) + "}; a placeholder names a port"
                        + " of run.ports, " + CodeTrial.OTLP_ENDPOINT_PLACEHOLDER + " or library:groupId:artifactId of a"
                        + " library of run.libraries (known here: "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    private static List<Check> expectRun(SpecYaml yaml, Node node) {
        Map<String, NodeTuple> expect = yaml.mapping(node, "expect.run", "a mapping with exit-code, output and traces",
                EXPECT_RUN_KEYS);
        List<Check> checks = new ArrayList<>();
        SpecYaml.value(expect, "exit-code").ifPresent(value -> {
            long code = SpecYaml.integer(value).orElse(-1L);
            if (code < 0 || code > 255) {
                throw yaml.error(value, "expect.run.exit-code must be an exit code from 0 to 255, was "
                        + SpecYaml.describe(value) + "; write 0 for success");
            }
            checks.add(RunChecks.exitCode((int) code));
        });
        SpecYaml.value(expect, "output").ifPresent(value -> {
            List<Node> items = yaml.items(value, "expect.run.output", "checks, such as - contains: \"order placed\"");
            for (int i = 0; i < items.size(); i++) {
                String name = "expect.run.output[" + i + "]";
                Map<String, NodeTuple> item = yaml.mapping(items.get(i), name, "a mapping with one check, such as"
                        + " - contains: \"order placed\"", OUTPUT_KINDS);
                if (item.size() != 1) {
                    throw yaml.error(items.get(i), name + " must hold exactly one check; write each as an item of"
                            + " its own");
                }
                NodeTuple entry = item.values().iterator().next();
                String kind = SpecYaml.key(entry);
                checks.add(RunOutputCheckReader.read(yaml, kind, entry.getValueNode(), name + "." + kind));
            }
        });
        SpecYaml.value(expect, "traces").ifPresent(value -> checks.add(RunChecks.traces(traces(yaml, value))));
        if (checks.isEmpty()) {
            throw yaml.error(node, "expect.run is empty; add exit-code, output or traces, or remove it");
        }
        return checks;
    }

    private static Comparison traces(SpecYaml yaml, Node node) {
        Optional<Long> exactly = SpecYaml.integer(node);
        if (exactly.isPresent()) {
            if (exactly.get() < 0) {
                throw yaml.error(node, "expect.run.traces must be 0 or more, was " + exactly.get());
            }
            return Comparison.exactly(exactly.get());
        }
        if (!(node instanceof ScalarNode) || !node.getTag().equals(Tag.STR)) {
            throw yaml.error(node, "expect.run.traces must be a number or a comparison such as \">= 1\", was "
                    + SpecYaml.describe(node));
        }
        String text = ((ScalarNode) node).getValue();
        return Comparison.parse(text).orElseThrow(() -> yaml.error(node, "expect.run.traces \"" + text
                + "\" is not a count; write a number (exactly that many traces) or an operator and a number, such as"
                + " \">= 1\""));
    }
}
