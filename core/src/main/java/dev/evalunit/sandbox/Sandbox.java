package dev.evalunit.sandbox;

import org.apiguardian.api.API;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Where the engine runs whatever it runs on a model's behalf (compiling an answer, the processes of
 * a code task, an agent's commands): one workspace, the read-only inputs and host services named
 * when it was opened, and nothing else. Every command starts through {@link #exec}, in the
 * workspace, with exactly the environment given. Closing it ends every process it started,
 * detached or not, and removes the workspace.
 *
 * <p>Paths and addresses a command is given are the ones it sees, which may differ from the
 * host's: ask {@link #workspace()}, {@link #readOnly(Path)} and {@link #service(InetSocketAddress)}.
 * Open one with {@link Sandboxes#open}.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public interface Sandbox extends AutoCloseable {

    /** @return the workspace as commands see it: their working directory, read-write */
    String workspace();

    /** @return the private temporary directory as commands see it */
    String tmp();

    /**
     * @param hostPath one of the read-only inputs named when the sandbox was opened, or a file in the
     *        JDK that runs the engine
     * @return that path as commands see it
     * @throws IllegalArgumentException when it was not named
     */
    String readOnly(Path hostPath);

    /**
     * @param hostService one of the host services named when the sandbox was opened
     * @return its address as commands see it, such as {@code 127.0.0.1:4318}
     * @throws IllegalArgumentException when it was not named
     */
    InetSocketAddress service(InetSocketAddress hostService);

    /**
     * Writes a file of the workspace, creating its folders.
     *
     * @param path relative to the workspace, {@code /}-separated, already checked to stay in it
     * @throws IOException when it cannot be written, for example a folder has that name or a
     *         file is where a folder must be; the message says which
     */
    void writeFile(String path, String text) throws IOException;

    /**
     * Starts a command in the workspace.
     *
     * @param command the program (a path commands see) and its arguments
     * @param env the whole environment of the command; nothing else is inherited
     * @return the process; its standard input is empty, its output and error are merged
     */
    Process exec(List<String> command, Map<String, String> env) throws IOException;

    /**
     * Like {@link #exec}, in a network of its own with nothing in it, not even the host services:
     * for commands that need no network (a compiler), which then need not wait for the sandbox's.
     */
    Process execOffline(List<String> command, Map<String, String> env) throws IOException;

    /**
     * Asks a command started here to stop: SIGTERM to the command itself (not to what wraps it),
     * so a JVM runs its shutdown hooks. Does not wait.
     *
     * @param process what {@link #exec} returned
     */
    void terminate(Process process);

    /** @return whether commands are confined; {@code false} only for {@code evalunit.sandbox=none} */
    boolean confined();

    /** Ends every process started here, detached or not, and removes the workspace. */
    @Override
    void close();
}
