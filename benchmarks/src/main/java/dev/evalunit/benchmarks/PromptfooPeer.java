package dev.evalunit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * promptfoo as the benchmark's peer: the same tasks, as a promptfoo config generated from the task
 * files, against the same local server at the same concurrency. Optional: without Node and npm, or
 * with {@code -Dbenchmark.promptfoo=off}, {@link #find} says why it is skipped.
 *
 * <p>{@code -Dbenchmark.promptfoo} is a promptfoo executable, or a directory that holds (or gets) a
 * local npm install of {@code promptfoo@}{@code -Dbenchmark.promptfoo-version}
 * ({@code benchmarks/target/promptfoo} unless given); nothing is installed globally.
 */
final class PromptfooPeer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long INSTALL_LIMIT_MINUTES = 15;
    private static final long RUN_LIMIT_MINUTES = 10;

    private final Path executable;
    private final String version;

    private PromptfooPeer(Path executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /** What {@link #find} found: a peer to run, or why there is none. */
    record Found(Optional<PromptfooPeer> peer, String why) {
    }

    /**
     * @param where {@code off}, a promptfoo executable, or a directory for a local npm install
     * @param wanted the version to install when the directory holds none, e.g. {@code 0.121.20}
     */
    static Found find(String where, String wanted, Path home) throws InterruptedException {
        if (where.isBlank() || where.equals("off")) {
            return skipped("turned off (-Dbenchmark.promptfoo=off)");
        }
        Optional<String> node = firstLine(home, List.of("node", "--version"));
        if (node.isEmpty()) {
            return skipped("no node on the PATH (install Node.js 20.20 or later to compare with promptfoo)");
        }
        Path given = Path.of(where).toAbsolutePath();
        Path executable = Files.isRegularFile(given) ? given : given.resolve("node_modules/.bin/promptfoo");
        if (!Files.isRegularFile(executable)) {
            if (firstLine(home, List.of("npm", "--version")).isEmpty()) {
                return skipped("no npm on the PATH to install promptfoo into " + given);
            }
            System.out.println("Installing promptfoo@" + wanted + " into " + given + " (npm, local to that directory;"
                    + " give -Dbenchmark.promptfoo=/path to use another, =off to skip)");
            try {
                Files.createDirectories(given);
                Process install = new ProcessBuilder("npm", "install", "--prefix", given.toString(), "--no-audit",
                        "--no-fund", "--loglevel=error", "promptfoo@" + wanted)
                        .redirectErrorStream(true).redirectOutput(given.resolve("install.log").toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                if (!install.waitFor(INSTALL_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                    install.destroyForcibly();
                    return skipped("npm install of promptfoo@" + wanted + " ran past " + INSTALL_LIMIT_MINUTES + " min");
                }
                if (install.exitValue() != 0 || !Files.isRegularFile(executable)) {
                    return skipped("npm install of promptfoo@" + wanted + " failed, see " + given.resolve("install.log"));
                }
            } catch (IOException e) {
                return skipped("cannot install promptfoo into " + given + ": " + e.getMessage());
            }
        }
        // On Node 20, promptfoo prints a deprecation notice before its version: look at every line.
        Optional<String> printed = printed(home, List.of(executable.toString(), "--version"));
        java.util.regex.Matcher found = VERSION.matcher(printed.orElse(""));
        if (!found.find()) {
            return skipped(executable + " --version did not answer with a version" + printed.map(v -> ": " + v).orElse(""));
        }
        String number = found.group(1);
        return new Found(Optional.of(new PromptfooPeer(executable, number)), "promptfoo " + number + " on Node "
                + node.get() + " (" + executable + ")");
    }

    private static Found skipped(String why) {
        return new Found(Optional.empty(), why);
    }

    String version() {
        return version;
    }

    /**
     * Writes the promptfoo config for the task files under {@code tasks}: each file's prompt as a test
     * whose {@code contains} and {@code not-contains} output checks become promptfoo assertions (span
     * checks have no promptfoo equivalent). The provider is OpenAI chat at {@code baseUrl} with a dummy
     * key; concurrency {@code concurrency}.
     */
    static Path writeConfig(Path tasks, Path config, String baseUrl, int concurrency) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("description", "EvalUnit benchmark peer: " + tasks.getFileName());
        root.putArray("prompts").add("{{prompt}}");
        ObjectNode provider = root.putArray("providers").addObject().put("id", "openai:chat:bench-model");
        provider.putObject("config").put("apiBaseUrl", baseUrl).put("apiKey", "dummy-benchmark-key");
        root.put("sharing", false);
        root.putObject("evaluateOptions").put("maxConcurrency", concurrency).put("cache", false)
                .put("showProgressBar", false);
        ArrayNode tests = root.putArray("tests");
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Path> files;
        try (Stream<Path> listing = Files.list(tasks)) {
            files = listing.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            Map<?, ?> task = yaml.load(Files.readString(file));
            ObjectNode test = tests.addObject().put("description", file.getFileName().toString());
            test.putObject("vars").put("prompt", String.valueOf(task.get("prompt")));
            ArrayNode asserts = test.putArray("assert");
            Object expect = task.get("expect");
            Object output = expect instanceof Map<?, ?> checks ? checks.get("output") : null;
            if (output instanceof List<?> checks) {
                for (Object check : checks) {
                    if (check instanceof Map<?, ?> one) {
                        for (String kind : List.of("contains", "not-contains")) {
                            if (one.containsKey(kind)) {
                                asserts.addObject().put("type", kind).put("value", String.valueOf(one.get(kind)));
                            }
                        }
                    }
                }
            }
        }
        Files.createDirectories(config.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(config.toFile(), root);
        return config;
    }

    /** What one run of {@code promptfoo eval} gave. */
    record Run(double wallMillis, int successes, int failures, int errors, int exitCode, Path log) {
    }

    /**
     * Runs {@code promptfoo eval} on {@code config}: concurrency {@code -j}, no cache, no sharing,
     * telemetry and the update check off, its database under {@code home} rather than the user's.
     *
     * @param firstN run only the first tests (a warm-up), or 0 for all
     */
    Run eval(Path config, int concurrency, Path home, String name, int firstN) throws IOException, InterruptedException {
        Path output = home.resolve(name + ".json");
        Path log = home.resolve(name + ".log");
        Files.deleteIfExists(output);
        List<String> command = new ArrayList<>(List.of(executable.toString(), "eval", "-c", config.toString(),
                "-j", String.valueOf(concurrency), "--no-cache", "--no-share", "--no-progress-bar", "--no-table",
                "-o", output.toString()));
        if (firstN > 0) {
            command.addAll(List.of("--filter-first-n", String.valueOf(firstN)));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        quiet(builder.environment(), home);
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(RUN_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("promptfoo eval ran past " + RUN_LIMIT_MINUTES + " min, see " + log);
        }
        double wallMillis = (System.nanoTime() - start) / 1_000_000.0;
        int successes = -1;
        int failures = -1;
        int errors = -1;
        if (Files.isRegularFile(output)) {
            JsonNode stats = JSON.readTree(output.toFile()).path("results").path("stats");
            successes = stats.path("successes").asInt(-1);
            failures = stats.path("failures").asInt(-1);
            errors = stats.path("errors").asInt(-1);
        }
        return new Run(wallMillis, successes, failures, errors, process.exitValue(), log);
    }

    /** No telemetry, update check, sharing or cache, and promptfoo's files under {@code home}. */
    private static void quiet(Map<String, String> environment, Path home) {
        environment.put("PROMPTFOO_DISABLE_TELEMETRY", "1");
        environment.put("PROMPTFOO_DISABLE_UPDATE", "1");
        environment.put("PROMPTFOO_DISABLE_SHARING", "1");
        environment.put("PROMPTFOO_CACHE_ENABLED", "false");
        environment.put("PROMPTFOO_CONFIG_DIR", home.resolve("config").toString());
        environment.put("OPENAI_API_KEY", "dummy-benchmark-key");
        environment.remove("OPENAI_BASE_URL");
        environment.remove("OPENAI_API_BASE_URL");
    }

    /** @return the first line {@code command} prints, when it runs and exits 0 */
    /** A line that starts with a version number, as {@code promptfoo --version} prints it among its notices. */
    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("(?m)^(\\d+\\.\\d+\\.\\d+)\\b");

    private static Optional<String> firstLine(Path home, List<String> command) throws InterruptedException {
        return printed(home, command).map(all -> all.lines().findFirst().orElse(""));
    }

    private static Optional<String> printed(Path home, List<String> command) throws InterruptedException {
        try {
            Files.createDirectories(home);
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            quiet(builder.environment(), home);
            Process process = builder.start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0 || printed.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(printed);
        } catch (IOException notThere) {
            return Optional.empty();
        }
    }
}
