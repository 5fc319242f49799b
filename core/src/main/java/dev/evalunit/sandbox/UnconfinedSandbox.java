package dev.evalunit.sandbox;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code evalunit.sandbox=none}: commands run as the engine's user, in a temporary folder, with
 * the environment given and nothing else of the engine's; they can read and write whatever that
 * user can, reach any address and outlive the run when they detach. Only for evaluations that
 * already run inside a sandbox of their own (a throwaway container or VM).
 */
final class UnconfinedSandbox implements Sandbox {

    private final Path directory;
    private final Path workspace;
    private final Path tmp;
    private final List<Process> started = new CopyOnWriteArrayList<>();

    private UnconfinedSandbox(Path directory) throws IOException {
        this.directory = directory;
        this.workspace = Files.createDirectory(directory.resolve("workspace"));
        this.tmp = Files.createDirectory(directory.resolve("tmp"));
    }

    static UnconfinedSandbox open() throws IOException {
        return new UnconfinedSandbox(Files.createTempDirectory("evalunit-sandbox-"));
    }

    @Override
    public String workspace() {
        return workspace.toString();
    }

    @Override
    public String tmp() {
        return tmp.toString();
    }

    @Override
    public String readOnly(Path hostPath) {
        return hostPath.toAbsolutePath().normalize().toString();
    }

    @Override
    public InetSocketAddress service(InetSocketAddress hostService) {
        return hostService;
    }

    @Override
    public void writeFile(String path, String text) throws IOException {
        Path file = workspace.resolve(path).normalize();
        if (!file.startsWith(workspace) || file.equals(workspace)) {
            throw new IllegalArgumentException("not in the workspace: " + path);
        }
        for (Path dir = file.getParent(); !dir.equals(workspace); dir = dir.getParent()) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new IOException(workspace.relativize(dir) + " is a file, so it cannot hold " + path);
            }
        }
        if (Files.isDirectory(file)) {
            throw new IOException(path + " is a folder, not a file");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Override
    public Process exec(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File(
                        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    @Override
    public Process execOffline(List<String> command, Map<String, String> env) throws IOException {
        return exec(command, env);
    }

    @Override
    public void terminate(Process process) {
        process.destroy();
    }

    @Override
    public boolean confined() {
        return false;
    }

    @Override
    public void close() {
        for (Process process : started) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
        Workspaces.delete(directory);
    }
}
