package dev.evalunit.report;

import org.apiguardian.api.API;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Appends one line of JSON per finished task to {@code results.jsonl}. Thread-safe.
 *
 * <p>Each line goes to the operating system in one write as soon as {@link #add} is called:
 * nothing is buffered in the JVM, so a run that is killed keeps every task it finished. At worst
 * the line being written when the process died is cut short; readers skip such a last line with a
 * warning. Lines are not forced to the disk: a power cut may lose the most recent ones.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ResultsWriter implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private boolean closed;

    ResultsWriter(Path file, FileChannel channel) {
        this.file = Objects.requireNonNull(file, "file");
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /** @return the file written */
    public Path file() {
        return file;
    }

    /**
     * Writes {@code task} as the next line.
     *
     * @param task a finished task; never {@code null}
     * @throws IOException if the line cannot be written
     * @throws IllegalStateException if the writer is closed
     */
    public synchronized void add(TaskRecord task) throws IOException {
        Objects.requireNonNull(task, "task");
        if (closed) {
            throw new IllegalStateException("results writer for " + file + " is closed");
        }
        ByteBuffer line = ByteBuffer.wrap((ResultsJson.line(task) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) { // one call for a regular file; the loop only guards a short write
            channel.write(line);
        }
    }

    /** Closes the file; later {@link #add} calls fail. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            channel.close();
        }
    }
}
