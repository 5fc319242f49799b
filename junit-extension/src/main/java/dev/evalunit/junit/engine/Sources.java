package dev.evalunit.junit.engine;

import dev.evalunit.source.SourcePosition;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

import java.io.File;

/** Test sources with positions, so a click in an IDE opens the task file at the task. */
final class Sources {

    private Sources() {
    }

    static TestSource of(SourcePosition position) {
        FilePosition filePosition = FilePosition.from(position.line(), position.column());
        if ("file".equals(position.uri().getScheme())) {
            return FileSource.from(new File(position.uri()), filePosition);
        }
        return ClasspathResourceSource.from(position.path(), filePosition);
    }
}
