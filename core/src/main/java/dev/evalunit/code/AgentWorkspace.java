package dev.evalunit.code;

import org.apiguardian.api.API;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The workspace an agent works in during one trial of a code task with {@code answer: agent}: a
 * fresh copy of the task's workspace in a temporary directory, and the tools over it (list, read,
 * write and edit files, run one of the commands the task allows, finish). Removed by {@link #close()}.
 *
 * <p>Every argument is the model's and treated as hostile: paths are workspace paths (relative,
 * no {@code ..}, no absolute path, never through a symbolic link), files and results are bounded
 * in size, and a mistake returns an error text for the model instead of throwing. Commands never
 * start a process of their own: they go through {@link CodeTrial}'s compile and build steps, on a
 * copy of the files, exactly as the final build does, so whatever confines those confines them.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class AgentWorkspace implements AutoCloseable {

    /** The tools, by name. */
    public static final String LIST_FILES = "list_files";
    public static final String READ_FILE = "read_file";
    public static final String WRITE_FILE = "write_file";
    public static final String EDIT_FILE = "edit_file";
    public static final String RUN_COMMAND = "run_command";
    public static final String FINISH = "finish";

    /** The most files the workspace may hold, as a task folder. */
    static final int MAX_FILES = TaskFolder.MAX_FILES;
    /** The most characters all files together may hold, as a task folder. */
    static final int MAX_CHARS = (int) TaskFolder.MAX_BYTES;
    /** Arguments beyond this are refused unread: a whole workspace fits, a flood does not. */
    static final int MAX_ARGUMENT_CHARS = MAX_CHARS + 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CodeSpec spec;
    private final AgentSpec agent;
    private final Path root;
    private final String sandbox;
    private final List<ToolSpecification> tools;
    private Optional<String> finished = Optional.empty();
    private boolean closed;

    private AgentWorkspace(CodeSpec spec, Path root, String sandbox) {
        this.spec = spec;
        this.sandbox = sandbox;
        this.agent = spec.agent().orElseThrow(() -> new IllegalArgumentException("not an agent task"));
        this.root = root;
        this.tools = specifications(agent, spec.run());
    }

    /**
     * @param spec an agent task's code spec ({@link CodeSpec#agent()} present); never {@code null}
     * @return a workspace holding a fresh copy of the task's files, whose commands run in the
     *         default sandbox
     * @throws UncheckedIOException when the temporary directory cannot be made
     */
    public static AgentWorkspace open(CodeSpec spec) {
        return open(spec, dev.evalunit.sandbox.Sandboxes.BUBBLEWRAP);
    }

    /**
     * @param spec an agent task's code spec ({@link CodeSpec#agent()} present); never {@code null}
     * @param sandbox where the agent's commands (compile, build, run) run: the run's {@code evalunit.sandbox}
     * @return a workspace holding a fresh copy of the task's files
     * @throws UncheckedIOException when the temporary directory cannot be made
     */
    public static AgentWorkspace open(CodeSpec spec, String sandbox) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(sandbox, "sandbox");
        try {
            Path root = Files.createTempDirectory("evalunit-agent-").toRealPath();
            for (Map.Entry<String, String> file : spec.workspace().entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
            return new AgentWorkspace(spec, root, sandbox);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the agent's workspace: " + e.getMessage(), e);
        }
    }

    /** @return the workspace tools, as LangChain4j describes them to a model */
    public List<ToolSpecification> tools() {
        return tools;
    }

    /** What a tool call came to: its text for the model, and the kind of mistake when it was one. */
    public record Result(String text, Optional<String> errorType) {

        public Result {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(errorType, "errorType");
        }

        static Result ok(String text) {
            return new Result(text, Optional.empty());
        }
    }

    /**
     * Runs one tool call. Never throws for the model's mistakes (an unknown tool, bad arguments, a
     * path outside the workspace, a failed build): those come back as a result with an error type.
     *
     * @param tool the tool's name; never {@code null}
     * @param arguments the arguments as the model wrote them, a JSON object text; never {@code null}
     * @param timeLeft how long a command may take at most (the agent's remaining time); never {@code null}
     * @return the result; never {@code null}
     * @throws IllegalStateException when the machine cannot compile (no JDK, missing jars)
     * @throws UncheckedIOException when the workspace cannot be read or written for reasons of the machine
     */
    public synchronized Result execute(String tool, String arguments, Duration timeLeft) {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(timeLeft, "timeLeft");
        try {
            if (closed) {
                throw new Refusal("workspace_closed", "the trial has ended; the workspace is gone");
            }
            if (finished.isPresent()) {
                throw new Refusal("already_finished", "you already called finish; the workspace is being judged");
            }
            if (tools.stream().noneMatch(spec -> spec.name().equals(tool))) {
                throw new Refusal("tool_not_found", "there is no tool named \"" + cut(tool, 80) + "\". Available"
                        + " tools: " + tools.stream().map(ToolSpecification::name).collect(Collectors.joining(", ")));
            }
            JsonNode args = arguments(arguments);
            switch (tool) {
                case LIST_FILES: return Result.ok(list());
                case READ_FILE: return Result.ok(read(text(args, "path"), offset(args)));
                case WRITE_FILE: return Result.ok(write(text(args, "path"), text(args, "content")));
                case EDIT_FILE: return Result.ok(edit(text(args, "path"), text(args, "old_text"),
                        text(args, "new_text")));
                case RUN_COMMAND: return command(text(args, "command"), timeLeft);
                default: // FINISH
                    String summary = args.path("summary").isTextual() ? args.path("summary").asText() : "";
                    finished = Optional.of(cut(summary, agent.maxResultChars()));
                    return Result.ok("finished: the workspace is now built, run and checked as you left it");
            }
        } catch (Refusal refusal) {
            return new Result("Error: " + refusal.getMessage(), Optional.of(refusal.type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the agent's workspace " + root + ": " + e.getMessage(), e);
        }
    }

    /** @return the summary the agent gave when it called {@code finish}; empty until it has */
    public synchronized Optional<String> finished() {
        return finished;
    }

    /**
     * @return every file of the workspace now, path to content, sorted by path; what the final
     *         build builds and the workspace checks compare with the task's workspace
     */
    public synchronized Map<String, String> files() {
        try {
            return snapshot();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agent's workspace " + root + ": " + e.getMessage(), e);
        }
    }

    /** @return the workspace's directory, for tests */
    Path root() {
        return root;
    }

    /** Removes the workspace; later tool calls get an error. */
    @Override
    public synchronized void close() {
        closed = true;
        dev.evalunit.sandbox.Workspaces.delete(root);
    }

    /** @return the user message of an agent task: the instruction, the workspace's paths and how to work */
    static String prompt(String instruction, CodeSpec spec) {
        AgentSpec agent = spec.agent().orElseThrow();
        StringBuilder text = new StringBuilder(instruction.stripTrailing()).append("\n\n")
                .append("You work in a workspace of ").append(spec.workspace().size())
                .append(spec.workspace().size() == 1 ? " file" : " files").append(", through the tools:\n");
        spec.workspace().keySet().forEach(path -> text.append("- ").append(path).append('\n'));
        text.append("\nPaths are relative to the workspace, with / between folders. Read files with ")
                .append(READ_FILE).append(", change them with ").append(WRITE_FILE).append(" (a whole file) or ")
                .append(EDIT_FILE).append(" (replace one exact text)");
        if (!agent.commands().isEmpty()) {
            text.append(", and check your work with ").append(RUN_COMMAND).append(": ")
                    .append(commandList(agent, spec.run()));
        }
        text.append(". When you are done, call ").append(FINISH).append(": the workspace is then compiled and")
                .append(" run as it is, and judged.\n");
        return text.toString();
    }

    /** @return the oracle's calls: each reference file written whole, the build run, finish */
    static List<Call> replay(Map<String, String> reference, AgentSpec agent) {
        List<Call> calls = new ArrayList<>();
        reference.forEach((path, content) -> calls.add(new Call(WRITE_FILE,
                json("path", path, "content", content))));
        if (agent.commands().contains("build")) {
            calls.add(new Call(RUN_COMMAND, json("command", "build")));
        } else if (agent.commands().contains("compile")) {
            calls.add(new Call(RUN_COMMAND, json("command", "compile")));
        }
        calls.add(new Call(FINISH, json("summary", "wrote the reference solution")));
        return List.copyOf(calls);
    }

    private static String json(String... namesAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node.toString();
    }

    private static List<ToolSpecification> specifications(AgentSpec agent, RunSpec run) {
        List<ToolSpecification> tools = new ArrayList<>();
        tools.add(ToolSpecification.builder().name(LIST_FILES)
                .description("Lists every file of the workspace with its size in characters.")
                .parameters(JsonObjectSchema.builder().build()).build());
        tools.add(ToolSpecification.builder().name(READ_FILE)
                .description("Reads a file of the workspace. Long files come in parts: read on with offset.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("path", "the file's path in the workspace, such as src/shop/App.java")
                        .addIntegerProperty("offset", "the character to start at; 0 when absent")
                        .required("path").build()).build());
        tools.add(ToolSpecification.builder().name(WRITE_FILE)
                .description("Writes a whole file of the workspace, creating it (and its folders) or replacing it.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("path", "the file's path in the workspace")
                        .addStringProperty("content", "the file's whole new content")
                        .required("path", "content").build()).build());
        tools.add(ToolSpecification.builder().name(EDIT_FILE)
                .description("Replaces one exact text in a file: old_text must occur exactly once.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("path", "the file's path in the workspace")
                        .addStringProperty("old_text", "the text to replace, exactly as it is in the file")
                        .addStringProperty("new_text", "the text to put in its place")
                        .required("path", "old_text", "new_text").build()).build());
        if (!agent.commands().isEmpty()) {
            tools.add(ToolSpecification.builder().name(RUN_COMMAND)
                    .description("Runs one command on the workspace as it is now and returns what it came to: "
                            + commandList(agent, run) + ".")
                    .parameters(JsonObjectSchema.builder()
                            .addStringProperty("command", "the command, such as " + agent.commands().get(0))
                            .required("command").build()).build());
        }
        tools.add(ToolSpecification.builder().name(FINISH)
                .description("Ends the work: the workspace is compiled, run and judged as it is.")
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("summary", "what you changed, in a sentence or two").build()).build());
        return List.copyOf(tools);
    }

    private static String commandList(AgentSpec agent, RunSpec run) {
        List<String> described = new ArrayList<>();
        if (agent.commands().contains("compile")) {
            described.add("\"compile\" (compile every .java file)");
        }
        if (agent.commands().contains("build")) {
            described.add("\"build\" (compile, then run every process as the judge will and report the exit"
                    + " codes, the output and the spans exported)");
        }
        if (agent.commands().contains("run")) {
            described.add("\"run NAME\" (compile, then run one process alone; processes: "
                    + run.processes().stream().map(ProcessSpec::name).collect(Collectors.joining(", ")) + ")");
        }
        return String.join(", ", described);
    }

    private JsonNode arguments(String arguments) throws Refusal {
        if (arguments.length() > MAX_ARGUMENT_CHARS) {
            throw new Refusal("too_large", "the arguments hold " + arguments.length() + " characters, more than "
                    + MAX_ARGUMENT_CHARS);
        }
        if (arguments.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(arguments);
            if (node == null || !node.isObject()) {
                throw new Refusal("invalid_arguments", "the arguments must be a JSON object, such as"
                        + " {\"path\": \"src/App.java\"}");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Refusal("invalid_arguments", "the arguments are not JSON: " + cut(e.getOriginalMessage(), 200));
        }
    }

    private static String text(JsonNode args, String name) throws Refusal {
        JsonNode value = args.get(name);
        if (value == null || !value.isTextual()) {
            throw new Refusal("invalid_arguments", "give \"" + name + "\" as a string");
        }
        return value.asText();
    }

    private static int offset(JsonNode args) throws Refusal {
        JsonNode value = args.get("offset");
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToInt() || value.asInt() < 0) {
            throw new Refusal("invalid_arguments", "offset must be a number from 0");
        }
        return value.asInt();
    }

    /** @return the file {@code path} names, inside the workspace and reached through no symbolic link */
    private Path resolve(String path) throws Refusal {
        Optional<String> problem = WorkspacePath.problem(path);
        if (problem.isPresent()) {
            throw new Refusal("invalid_path", "the path \"" + cut(path, 120) + "\" " + problem.get());
        }
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new Refusal("invalid_path", "the path \"" + cut(path, 120) + "\" is outside the workspace");
        }
        Path at = root;
        for (Path part : root.relativize(target)) {
            at = at.resolve(part);
            if (Files.isSymbolicLink(at)) {
                throw new Refusal("invalid_path", "the path \"" + path + "\" goes through a symbolic link, which"
                        + " the workspace tools do not follow");
            }
        }
        return target;
    }

    private String list() throws IOException {
        Map<String, String> files = snapshot();
        StringBuilder text = new StringBuilder(files.size() + (files.size() == 1 ? " file" : " files") + ":\n");
        files.forEach((path, content) -> text.append(path).append(" (").append(content.length())
                .append(" characters)\n"));
        return cut(text.toString(), agent.maxResultChars());
    }

    private String read(String path, int offset) throws Refusal, IOException {
        Path file = resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refusal("file_not_found", "there is no file \"" + path + "\"; " + LIST_FILES
                    + " shows the workspace's files");
        }
        String content = readText(file);
        if (offset > content.length()) {
            throw new Refusal("invalid_arguments", "offset " + offset + " is past the end of " + path + " ("
                    + content.length() + " characters)");
        }
        int end = Math.min(content.length(), offset + agent.maxResultChars());
        String part = content.substring(offset, end);
        if (offset == 0 && end == content.length()) {
            return part;
        }
        return part + "\n[characters " + offset + " to " + end + " of " + content.length() + " in " + path
                + (end < content.length() ? "; read on with offset " + end : "") + "]";
    }

    private String write(String path, String content) throws Refusal, IOException {
        Path file = resolve(path);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refusal("invalid_path", "\"" + path + "\" is a folder, not a file");
        }
        Map<String, String> files = snapshot();
        boolean created = !files.containsKey(path);
        if (created && files.size() >= MAX_FILES) {
            throw new Refusal("too_large", "the workspace already holds " + MAX_FILES + " files, the most it may");
        }
        long total = files.values().stream().mapToLong(String::length).sum()
                - (created ? 0 : files.get(path).length()) + content.length();
        if (total > MAX_CHARS) {
            throw new Refusal("too_large", "the workspace would hold " + total + " characters, more than "
                    + MAX_CHARS);
        }
        for (Path folder = file.getParent(); !folder.equals(root); folder = folder.getParent()) {
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw new Refusal("invalid_path", "\"" + root.relativize(folder).toString().replace('\\', '/')
                        + "\" is a file, so it cannot hold \"" + path + "\"");
            }
        }
        Files.createDirectories(file.getParent());
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.WRITE,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS))) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        return (created ? "created " : "wrote ") + path + " (" + content.length() + " characters)";
    }

    private String edit(String path, String oldText, String newText) throws Refusal, IOException {
        Path file = resolve(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refusal("file_not_found", "there is no file \"" + path + "\" to edit; " + WRITE_FILE
                    + " creates one");
        }
        if (oldText.isEmpty()) {
            throw new Refusal("edit_failed", "old_text is empty; give the exact text to replace");
        }
        String content = readText(file);
        int first = content.indexOf(oldText);
        if (first < 0) {
            throw new Refusal("edit_failed", "old_text does not occur in " + path + "; read the file and copy the"
                    + " text exactly, spaces and line ends included");
        }
        if (content.indexOf(oldText, first + 1) >= 0) {
            long count = Stream.iterate(content.indexOf(oldText), at -> at >= 0,
                    at -> content.indexOf(oldText, at + 1)).count();
            throw new Refusal("edit_failed", "old_text occurs " + count + " times in " + path + "; give more of the"
                    + " text around it so that it occurs once");
        }
        String edited = content.substring(0, first) + newText + content.substring(first + oldText.length());
        write(path, edited);
        return "edited " + path + ": replaced " + oldText.length() + " characters with " + newText.length();
    }

    private Result command(String command, Duration timeLeft) throws Refusal, IOException {
        String[] words = command.strip().split("\\s+");
        String verb = words[0];
        if (!agent.commands().contains(verb)) {
            throw new Refusal("command_not_allowed", "\"" + cut(command, 80) + "\" is not a command of this task;"
                    + " the commands are: " + commandList(agent, spec.run()));
        }
        Map<String, String> files = snapshot();
        if (verb.equals("compile")) {
            if (words.length != 1) {
                throw new Refusal("invalid_arguments", "compile takes nothing after it");
            }
            Optional<String> failure = CodeTrial.compile(spec, files, timeLeft, sandbox);
            return failure.map(message -> new Result(cut(message, agent.maxResultChars()),
                    Optional.of("command_failed"))).orElseGet(() -> Result.ok("compiled: no errors"));
        }
        RunSpec run = spec.run();
        List<ProcessSpec> processes = run.processes();
        if (verb.equals("run")) {
            String names = processes.stream().map(ProcessSpec::name).collect(Collectors.joining(", "));
            if (words.length != 2) {
                throw new Refusal("invalid_arguments", "run takes the name of one process: " + names);
            }
            processes = processes.stream().filter(process -> process.name().equals(words[1])).toList();
            if (processes.isEmpty()) {
                throw new Refusal("invalid_arguments", "there is no process \"" + cut(words[1], 40) + "\"; the"
                        + " processes are: " + names);
            }
        } else if (words.length != 1) {
            throw new Refusal("invalid_arguments", "build takes nothing after it");
        }
        Duration limit = run.timeout().filter(timeout -> timeout.compareTo(timeLeft) < 0).orElse(timeLeft);
        RunSpec part = run.with(processes, Optional.of(limit));
        CodeRun result = CodeTrial.build(spec, part, files, limit, sandbox);
        return new Result(cut(AgentRunReport.describe(verb, result), agent.maxResultChars()),
                result.failed() ? Optional.of("command_failed") : Optional.empty());
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(root.relativize(path).toString().replace('\\', '/'), readText(path));
                }
            }
        }
        return files;
    }

    private static String readText(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS))) {
            if (channel.size() > MAX_CHARS * 4L) {
                throw new IOException(file + " is larger than the workspace may be");
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) channel.size());
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // read on
            }
            bytes.flip();
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(bytes).toString();
            } catch (CharacterCodingException e) {
                throw new IOException(e);
            }
        }
    }

    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "\n[cut: " + (text.length() - max) + " more characters]";
    }

    /** A tool call the workspace refuses: the model's mistake, told back to it. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final String type;

        Refusal(String type, String message) {
            super(message);
            this.type = type;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /**
     * One tool call of a replayed reference, as the task loader turns it into the oracle's
     * reference: the tool's name and its JSON arguments.
     */
    public record Call(String tool, String arguments) {
    }
}
