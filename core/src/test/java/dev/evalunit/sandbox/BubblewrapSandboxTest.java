package dev.evalunit.sandbox;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The bubblewrap sandbox itself, with shell commands: what they see, reach and leave behind. */
class BubblewrapSandboxTest {

    private HttpServer host;

    @BeforeEach
    void startHostService() throws IOException {
        host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/", exchange -> {
            byte[] body = "hello from the host".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        host.start();
    }

    @AfterEach
    void stop() {
        host.stop(0);
    }

    private static String sh(Sandbox sandbox, String script) throws Exception {
        Process process = sandbox.exec(List.of("/bin/bash", "-c", script), Map.of("PATH", "/usr/bin:/bin"));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output + "[exit " + process.exitValue() + "]";
    }

    /** An HTTP GET of the host service through the sandbox's own loopback, by bash alone. */
    private static String get(Sandbox sandbox, InetSocketAddress service) throws Exception {
        return sh(sandbox, "exec 3<>/dev/tcp/127.0.0.1/" + sandbox.service(service).getPort()
                + "; printf 'GET / HTTP/1.0\\r\\nHost: x\\r\\n\\r\\n' >&3; cat <&3");
    }

    @Test
    void reachesTheServiceItWasGivenThroughItsOwnLoopback() throws Exception {
        InetSocketAddress service = host.getAddress();
        try (Sandbox sandbox = Sandboxes.open(SandboxSpec.of(List.of(), List.of(service), Duration.ofMinutes(1)),
                Sandboxes.BUBBLEWRAP)) {
            String output = get(sandbox, service);
            assertThat(output).contains("hello from the host");
        }
    }

    @Test
    void itsLoopbackIsForwardedBySocatWhenSocatIsInstalled() throws Exception {
        BubblewrapSandbox.Tools tools = BubblewrapSandbox.tools();
        assumeTrue(tools.socat().isPresent(), "socat is not installed; the JVM forwarder is tested below");
        InetSocketAddress service = host.getAddress();
        try (Sandbox sandbox = BubblewrapSandbox.open(SandboxSpec.of(List.of(), List.of(service),
                Duration.ofMinutes(1)), tools)) {
            String output = get(sandbox, service);

            assertThat(output).contains("hello from the host");
            assertThat(forwarderCommands()).anyMatch(command -> command.contains("socat"))
                    .noneMatch(command -> command.contains(LoopbackForwarder.class.getName()));
        }
    }

    @Test
    void itsLoopbackIsForwardedByTheJvmForwarderWithoutSocat() throws Exception {
        InetSocketAddress service = host.getAddress();
        try (Sandbox sandbox = BubblewrapSandbox.open(SandboxSpec.of(List.of(), List.of(service),
                Duration.ofMinutes(1)), BubblewrapSandbox.tools().withoutSocat())) {
            String output = get(sandbox, service);

            assertThat(output).contains("hello from the host");
            assertThat(forwarderCommands()).anyMatch(command -> command.contains(LoopbackForwarder.class.getName()));
        }
    }

    /** The command lines of this JVM's processes that run in a sandbox's network namespace of its own. */
    private static List<String> forwarderCommands() {
        return ProcessHandle.current().descendants().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains("--unshare-net") && line.contains("/sandbox/run")).toList();
    }

    @Test
    void closingRemovesTheWorkspaceEvenWhileAProcessStillWritesToIt() throws Exception {
        Sandbox sandbox = Sandboxes.open(SandboxSpec.of(List.of(), List.of(), Duration.ofMinutes(1)),
                Sandboxes.BUBBLEWRAP);
        sandbox.writeFile("notes/a.txt", "hello");
        Process writer = sandbox.exec(List.of("/bin/bash", "-c", "cat notes/a.txt; while true; do echo x >> log; done"),
                Map.of("PATH", "/usr/bin:/bin"));
        byte[] first = writer.getInputStream().readNBytes(5);
        java.nio.file.Path folder = ProcessHandle.current().descendants()
                .flatMap(p -> p.info().arguments().stream().flatMap(java.util.Arrays::stream))
                .filter(a -> a.contains("evalunit-sandbox-") && a.endsWith("/disk/workspace"))
                .map(a -> java.nio.file.Path.of(a).getParent().getParent()).findFirst().orElseThrow();

        sandbox.close();

        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(writer.isAlive()).isFalse();
        assertThat(folder).doesNotExist();
    }

    @Test
    void aFileCannotGoWhereAFolderIsNorUnderAFile() throws Exception {
        try (Sandbox sandbox = Sandboxes.open(SandboxSpec.of(List.of(), List.of(), Duration.ofMinutes(1)),
                Sandboxes.BUBBLEWRAP)) {
            sandbox.writeFile("src/A.java", "class A {}");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sandbox.writeFile("src", "x"))
                    .hasMessage("src is a folder, not a file");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sandbox.writeFile("src/A.java/B.java", "x"))
                    .hasMessage("src/A.java is a file, so it cannot hold src/A.java/B.java");
        }
    }

    @Test
    void anUnknownKindIsRefusedNamingTheKnownOnes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sandboxes.kind("docker"))
                .hasMessage("evalunit.sandbox is \"docker\"; use bubblewrap (the default: Linux namespaces) or none"
                        + " (unconfined, only inside a throwaway machine)");
    }
}
