package dev.evalunit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, run once per page: the DOM after the page's scripts ran, what the page
 * wrote to its console, and a screenshot. Each run gets a fresh profile and no background traffic.
 */
final class HeadlessChromium {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    private final Path binary;
    private final Path workDir;

    private HeadlessChromium(Path binary, Path workDir) {
        this.binary = binary;
        this.workDir = workDir;
    }

    /** @return a browser, or empty when none is installed here */
    static Optional<HeadlessChromium> find(Path workDir) {
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst()
                .map(binary -> new HeadlessChromium(binary, workDir));
    }

    /** What a page came to: its DOM once loaded, and every console message it wrote (errors included). */
    record Page(String dom, List<String> console) {
    }

    Page load(String url) throws IOException, InterruptedException {
        Run run = run(List.of("--enable-logging=stderr", "--v=0", "--dump-dom", url));
        List<String> console = new ArrayList<>();
        for (String line : run.stderr().split("\n")) {
            if (line.contains(":CONSOLE")) {
                console.add(line);
            }
        }
        return new Page(run.stdout(), console);
    }

    void screenshot(String url, Path png) throws IOException, InterruptedException {
        run(List.of("--window-size=1280,1400", "--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(), url));
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            throw new IllegalStateException("Chromium wrote no screenshot to " + png);
        }
    }

    private record Run(String stdout, String stderr) {
    }

    private Run run(List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        command.addAll(arguments);
        Path out = workDir.resolve("chromium-" + System.nanoTime() + ".out");
        Path err = workDir.resolve("chromium-" + System.nanoTime() + ".err");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // A guard against a hung browser, not a speed budget: a slow machine just takes longer.
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish: " + command);
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
