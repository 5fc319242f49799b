package dev.evalunit.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * What every goal that reads results shares: the report directories (one, or several shards or
 * modules to merge) and reading them, with each warning logged once.
 */
abstract class ResultsMojo extends AbstractMojo {

    /**
     * The report directories to read and merge, each holding {@code summary.json} and
     * {@code results.jsonl}, e.g. one per shard or module. Default: {@code ${project.build.directory}/evalunit}.
     */
    @Parameter(property = "evalunit.reportDirectories")
    private List<File> reportDirectories;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File buildDirectory;

    /** @return the directory the engine writes to by default, {@code target/evalunit} */
    final Path defaultDirectory() {
        return buildDirectory.toPath().resolve("evalunit");
    }

    /** @return the directories to read: those configured, else {@link #defaultDirectory()} */
    final List<Path> directories() {
        if (reportDirectories == null || reportDirectories.isEmpty()) {
            return List.of(defaultDirectory());
        }
        return reportDirectories.stream().map(File::toPath).toList();
    }

    /**
     * @return the directories' results merged; their warnings logged
     * @throws MojoExecutionException when a directory cannot be read or merged; the message says why
     */
    final MergedReport mergedReport() throws MojoExecutionException {
        MergedReport report;
        try {
            report = ReportDirectories.merge(directories());
        } catch (ReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        report.warnings().forEach(warning -> getLog().warn(warning));
        return report;
    }
}
