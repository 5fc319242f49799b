package dev.evalunit.sandbox;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Linux sandbox: every command is a bubblewrap ({@code bwrap}) container of its own (own user,
 * PID, IPC, UTS and cgroup namespaces, no capabilities, {@code no_new_privs}, an unprivileged host
 * user of its own per sandbox, a cleared environment, {@code /usr} and the JDK read-only, the
 * workspace read-write, a private {@code /tmp}, its own {@code /proc}), and every command of one
 * sandbox shares one network namespace in which only the forwarded host services are reachable.
 *
 * <p>The workspace and {@code /tmp} sit on one size-limited tmpfs, so the disk a sandbox fills is
 * bounded; memory (address space), CPU time and the number of processes are resource limits of
 * each command, the processes counted per sandbox because each sandbox runs as its own host user.
 * Each command runs in its own PID namespace, so when it ends (or is killed), everything it
 * started ends with it, detached or not.
 *
 * <p>This version needs root: it mounts the tmpfs and joins each command to its sandbox's network
 * namespace ({@code nsenter}), then drops to the sandbox's user ({@code setpriv}) before bubblewrap starts.
 */
final class BubblewrapSandbox implements Sandbox {

    /** Where things are inside. */
    static final String WORKSPACE = "/sandbox/workspace";
    private static final String RUN = "/sandbox/run";
    private static final String TOOLS = "/sandbox/tools";
    private static final String READ_ONLY = "/sandbox/ro";

    /** The user and group a command is inside its user namespace. */
    private static final int INSIDE_ID = 1000;

    /** How long the forwarder may take to start: generous, a slow machine is not the answer's fault. */
    private static final Duration FORWARDER_START = Duration.ofMinutes(2);

    /** Host user ids of sandboxes: a range of their own per engine JVM, a fresh id per sandbox. */
    private static final int FIRST_UID = 200_000 + (int) (ProcessHandle.current().pid() % 1000) * 500;
    private static final AtomicInteger NEXT_UID = new AtomicInteger();

    private final SandboxSpec spec;
    private final Tools tools;
    private final Path directory;
    private final Path disk;
    private final int uid;
    private final Map<Path, String> readOnly = new LinkedHashMap<>();
    private final Map<Path, String> binds = new LinkedHashMap<>();
    private final Map<InetSocketAddress, InetSocketAddress> services = new LinkedHashMap<>();
    private final List<UnixRelay> relays = new ArrayList<>();
    private final List<Process> started = new CopyOnWriteArrayList<>();
    private Process forwarder;
    private final CompletableFuture<String> network = new CompletableFuture<>();
    private boolean mounted;

    private BubblewrapSandbox(SandboxSpec spec, Tools tools, Path directory) {
        this.spec = spec;
        this.tools = tools;
        this.directory = directory;
        this.disk = directory.resolve("disk");
        this.uid = FIRST_UID + Math.floorMod(NEXT_UID.getAndIncrement(), 500);
    }

    /** The programs this backend needs, found on the {@code PATH}. */
    record Tools(Path bwrap, Path nsenter, Path prlimit, Path setpriv, Path mount, Path umount, Optional<Path> socat) {

        /** @return the same tools with the JVM forwarder instead of {@code socat} */
        Tools withoutSocat() {
            return new Tools(bwrap, nsenter, prlimit, setpriv, mount, umount, Optional.empty());
        }
    }

    /** @return the tools, or why this backend cannot run here, with what to install */
    static Tools tools() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            throw new SandboxUnavailableException("the bubblewrap sandbox needs Linux; this is "
                    + System.getProperty("os.name"));
        }
        Optional<Path> bwrap = onPath("bwrap");
        if (bwrap.isEmpty()) {
            throw new SandboxUnavailableException("bubblewrap (bwrap) is not installed; install it"
                    + " (Debian, Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap)");
        }
        List<String> missing = new ArrayList<>();
        Path[] found = new Path[5];
        String[] names = {"nsenter", "prlimit", "setpriv", "mount", "umount"};
        for (int i = 0; i < names.length; i++) {
            Optional<Path> path = onPath(names[i]);
            if (path.isEmpty()) {
                missing.add(names[i]);
            } else {
                found[i] = path.get();
            }
        }
        if (!missing.isEmpty()) {
            throw new SandboxUnavailableException("the bubblewrap sandbox needs " + String.join(", ", missing)
                    + " (util-linux and mount; Debian: apt-get install util-linux mount)");
        }
        if (!isRoot()) {
            throw new SandboxUnavailableException("the bubblewrap sandbox of this version must run as root (it"
                    + " mounts each trial's size-limited workspace and gives each trial a user of its own); run"
                    + " the tests as root, for example in a CI container, or set evalunit.sandbox=none to run"
                    + " unconfined");
        }
        // socat and sh must be where every sandbox sees them: under the read-only /usr.
        Optional<Path> socat = onPath("socat").map(BubblewrapSandbox::realPath)
                .filter(path -> path.startsWith("/usr") && Files.isExecutable(Path.of("/usr/bin/sh")));
        return new Tools(bwrap.get(), found[0], found[1], found[2], found[3], found[4], socat);
    }

    static BubblewrapSandbox open(SandboxSpec spec, Tools tools) throws IOException {
        Path directory = Files.createTempDirectory("evalunit-sandbox-");
        BubblewrapSandbox sandbox = new BubblewrapSandbox(spec, tools, directory);
        try {
            sandbox.prepare();
            return sandbox;
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    private void prepare() throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx--x--x"));
        Files.createDirectories(disk);
        run(List.of(tools.mount().toString(), "-t", "tmpfs", "-o", "size=" + spec.diskBytes() + ",mode=0700,uid="
                + uid + ",gid=" + uid + ",nosuid,nodev", "tmpfs", disk.toString()), "mount the workspace's tmpfs");
        mounted = true;
        ownedDirectory(disk.resolve("workspace"));
        ownedDirectory(disk.resolve("tmp"));
        Path run = ownedDirectory(directory.resolve("run"));
        JdkFiles.checkReadableByOthers();
        for (int i = 0; i < spec.readOnly().size(); i++) {
            Path host = spec.readOnly().get(i).toAbsolutePath().normalize();
            String inside = READ_ONLY + "/" + i + "-" + host.getFileName();
            readOnly.put(host, inside);
            binds.put(SandboxTools.readableCopy(host), inside);
        }
        Map<Integer, String> forwards = new LinkedHashMap<>();
        for (int i = 0; i < spec.services().size(); i++) {
            InetSocketAddress service = spec.services().get(i);
            Path socket = run.resolve("s" + i + ".sock");
            relays.add(UnixRelay.start(socket, service));
            Files.setAttribute(socket, "unix:uid", uid);
            Files.setAttribute(socket, "unix:gid", uid);
            services.put(service, new InetSocketAddress(InetAddress.getLoopbackAddress(), service.getPort()));
            forwards.put(service.getPort(), RUN + "/s" + i + ".sock");
        }
        startForwarder(forwards);
    }

    private void startForwarder(Map<Integer, String> forwards) throws IOException {
        Forwarders program = new Forwarders(tools.socat(), forwards);
        List<String> command = new ArrayList<>(List.of(tools.prlimit().toString(), "--as=" + spec.memoryBytes(),
                "--nproc=" + spec.processes(), "--core=0", "--", tools.setpriv().toString(), "--reuid=" + uid,
                "--regid=" + uid, "--clear-groups", "--"));
        command.addAll(bwrap());
        command.addAll(List.of("--unshare-net", "--bind", directory.resolve("run").toString(), RUN));
        if (program.usesJvm()) {
            command.addAll(List.of("--ro-bind", SandboxTools.directory().toString(), TOOLS));
        }
        command.add("--");
        command.addAll(program.command(JdkFiles.java(), List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-XX:-UsePerfData", "-Xmx32m", "-Xss256k", "-XX:CompressedClassSpaceSize=32m",
                "-XX:ReservedCodeCacheSize=16m"), TOOLS));
        forwarder = start(command);
        // Read on a thread of its own: the compiler needs no network and starts meanwhile.
        Thread watcher = new Thread(() -> awaitForwarder(program), "evalunit-sandbox-forwarder");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void awaitForwarder(Forwarders program) {
        BufferedReader out = new BufferedReader(new InputStreamReader(forwarder.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        try {
            String line;
            while ((line = out.readLine()) != null && !program.ready(line)) {
                if (said.length() < 2000) {
                    said.append(line).append(' ');
                }
            }
            Optional<ProcessHandle> inside = forwarder.descendants().findFirst();
            if (line == null || inside.isEmpty()) {
                network.completeExceptionally(new SandboxUnavailableException("the bubblewrap sandbox did not start"
                        + " (bwrap " + tools.bwrap() + "): " + (said.length() == 0 ? "it printed nothing"
                        : said.toString().strip())));
                return;
            }
            network.complete("/proc/" + inside.get().pid() + "/ns/net");
            out.transferTo(java.io.Writer.nullWriter());
        } catch (IOException e) {
            network.completeExceptionally(new SandboxUnavailableException("the bubblewrap sandbox's forwarder"
                    + " failed: " + e.getMessage()));
        }
    }

    /** @return the trial's network namespace, once its forwarder listens */
    private String network() throws IOException {
        try {
            return network.get(FORWARDER_START.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (TimeoutException e) {
            throw new SandboxUnavailableException("the bubblewrap sandbox's forwarder did not start within "
                    + FORWARDER_START.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the sandbox started", e);
        }
    }

    /** The bubblewrap options every command of this sandbox shares, up to its own binds. */
    private List<String> bwrap() {
        List<String> args = new ArrayList<>(List.of(tools.bwrap().toString(), "--unshare-user",
                "--uid", String.valueOf(INSIDE_ID), "--gid", String.valueOf(INSIDE_ID), "--unshare-pid",
                "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--die-with-parent", "--new-session",
                "--cap-drop", "ALL", "--clearenv", "--hostname", "sandbox",
                "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin", "--proc", "/proc", "--dev", "/dev",
                "--tmpfs", "/sandbox"));
        Path javaHome = JdkFiles.home();
        if (!javaHome.startsWith("/usr")) {
            args.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
        }
        for (Path folder : JdkFiles.linkedFolders()) {
            args.addAll(List.of("--ro-bind", folder.toString(), folder.toString()));
        }
        return args;
    }

    @Override
    public String workspace() {
        return WORKSPACE;
    }

    @Override
    public String tmp() {
        return "/tmp";
    }

    @Override
    public String readOnly(Path hostPath) {
        Path path = hostPath.toAbsolutePath().normalize();
        if (path.startsWith(JdkFiles.home())) {
            return path.toString();
        }
        String inside = readOnly.get(path);
        if (inside == null) {
            throw new IllegalArgumentException(hostPath + " was not named as a read-only input of this sandbox");
        }
        return inside;
    }

    @Override
    public InetSocketAddress service(InetSocketAddress hostService) {
        InetSocketAddress inside = services.get(hostService);
        if (inside == null) {
            throw new IllegalArgumentException(hostService + " was not named as a service of this sandbox");
        }
        return inside;
    }

    @Override
    public void writeFile(String path, String text) throws IOException {
        Path root = disk.resolve("workspace");
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("not in the workspace: " + path);
        }
        for (Path dir = file.getParent(); !dir.equals(root) && !Files.isDirectory(dir); dir = dir.getParent()) {
            if (Files.exists(dir)) {
                throw new IOException(root.relativize(dir) + " is a file, so it cannot hold " + path);
            }
        }
        List<Path> created = new ArrayList<>();
        for (Path dir = file.getParent(); !Files.exists(dir); dir = dir.getParent()) {
            created.add(0, dir);
        }
        for (Path dir : created) {
            ownedDirectory(dir);
        }
        if (Files.isDirectory(file)) {
            throw new IOException(path + " is a folder, not a file");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setAttribute(file, "unix:uid", uid);
        Files.setAttribute(file, "unix:gid", uid);
    }

    @Override
    public Process exec(List<String> command, Map<String, String> env) throws IOException {
        return exec(command, env, true);
    }

    @Override
    public Process execOffline(List<String> command, Map<String, String> env) throws IOException {
        return exec(command, env, false);
    }

    private Process exec(List<String> command, Map<String, String> env, boolean online) throws IOException {
        List<String> line = new ArrayList<>(online ? List.of(tools.nsenter().toString(), "--net=" + network(), "--")
                : List.of());
        line.addAll(List.of(tools.prlimit().toString(), "--as=" + spec.memoryBytes(), "--nproc=" + spec.processes(),
                "--cpu=" + Math.max(1, spec.cpu().toSeconds()), "--core=0", "--",
                tools.setpriv().toString(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--"));
        line.addAll(bwrap());
        if (!online) {
            line.add("--unshare-net");
        }
        line.addAll(List.of("--bind", disk.resolve("workspace").toString(), WORKSPACE,
                "--bind", disk.resolve("tmp").toString(), "/tmp"));
        binds.forEach((host, inside) -> line.addAll(List.of("--ro-bind", host.toString(), inside)));
        line.addAll(List.of("--chdir", WORKSPACE));
        env.forEach((name, value) -> line.addAll(List.of("--setenv", name, value)));
        line.add("--");
        line.addAll(command);
        Process process = start(line);
        started.add(process);
        return process;
    }

    /**
     * The command is the child of bubblewrap's first process inside (its PID 1), itself the child
     * of the {@code bwrap} the engine started: bubblewrap does not pass signals on, so the
     * command gets the SIGTERM directly.
     */
    @Override
    public void terminate(Process process) {
        List<ProcessHandle> commands = process.children().flatMap(ProcessHandle::children).toList();
        if (commands.isEmpty()) {
            process.destroy();
        }
        commands.forEach(ProcessHandle::destroy);
    }

    /**
     * Starts bubblewrap with an empty environment: its first process inside keeps the environment
     * it started with, and {@code /proc/1/environ} must not show the engine's (API keys).
     */
    private static Process start(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        return builder.start();
    }

    @Override
    public boolean confined() {
        return true;
    }

    @Override
    public void close() {
        started.forEach(BubblewrapSandbox::kill);
        if (forwarder != null) {
            kill(forwarder);
        }
        relays.forEach(UnixRelay::close);
        if (mounted) {
            try {
                run(List.of(tools.umount().toString(), "-l", disk.toString()), "unmount the workspace's tmpfs");
            } catch (IOException | RuntimeException e) {
                // Removing the folder below then fails too; the tmpfs goes with the machine.
            }
        }
        Workspaces.delete(directory);
    }

    /** Kills the outer bubblewrap: its child dies with it, and with that child its whole PID namespace. */
    private static void kill(Process process) {
        List<ProcessHandle> inside = process.descendants().toList();
        process.destroyForcibly();
        inside.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path ownedDirectory(Path dir) throws IOException {
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(dir, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        Files.setAttribute(dir, "unix:uid", uid);
        Files.setAttribute(dir, "unix:gid", uid);
        return dir;
    }

    private static void run(List<String> command, String what) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readNBytes(4000), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new SandboxUnavailableException("the bubblewrap sandbox cannot " + what + ": "
                        + String.join(" ", command) + " says " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while trying to " + what));
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator
                + "/usr/bin:/bin:/usr/sbin:/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
