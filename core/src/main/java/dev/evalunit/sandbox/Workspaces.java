package dev.evalunit.sandbox;

import org.apiguardian.api.API;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import static org.apiguardian.api.API.Status.INTERNAL;

/** Removing a sandbox's folder, or an agent's workspace. */
@API(status = INTERNAL, since = "0.1.0")
public final class Workspaces {

    private Workspaces() {
    }

    /** Removes the folder; what cannot be removed now (a file still open) goes when the JVM exits. */
    public static void delete(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            directory.toFile().deleteOnExit();
        }
    }
}
