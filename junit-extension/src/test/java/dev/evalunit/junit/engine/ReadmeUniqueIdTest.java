package dev.evalunit.junit.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

/**
 * The unique-id example of README.md is what the engine makes: the README's own task file, loaded
 * by the engine, gets a task segment written as the README writes it, and the README's whole id
 * parses (as the console launcher's --select-unique-id parses it) into the segments the engine uses.
 */
class ReadmeUniqueIdTest {

    private static final Path README = Path.of("..", "README.md");

    @TempDir
    Path project;

    @Test
    void theReadmesUniqueIdIsTheOneTheEngineGivesTheReadmesTask() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher example = Pattern.compile("`(\\[engine:evalunit]/\\[suite:com\\.acme\\.SreEvalTest]/\\[task:[^`]+])`")
                .matcher(readme);
        assertThat(example.find()).as("README.md's unique-id example").isTrue();
        String written = example.group(1);
        Path task = project.resolve("sre/tools/oom.yaml");
        Files.createDirectories(task.getParent());
        Files.writeString(task, readmeTaskFile(readme));

        EngineDiscoveryResults discovered = evalunit().selectors(selectDirectory(project.resolve("sre").toFile()))
                .discover();
        TestDescriptor oom = discovered.getEngineDescriptor().getDescendants().stream()
                .filter(descriptor -> descriptor.getDisplayName().equals("tools/oom")).findFirst().orElseThrow();

        UniqueId parsed = UniqueId.parse(written);
        assertThat(parsed.toString()).isEqualTo(written);
        assertThat(parsed.getLastSegment()).isEqualTo(oom.getUniqueId().getLastSegment());
        String engineForm = oom.getUniqueId().toString();
        assertThat(written).endsWith(engineForm.substring(engineForm.lastIndexOf("/[")));
        assertThat(parsed.removeLastSegment()).isEqualTo(EngineRuns.ENGINE.append(Segments.SUITE, "com.acme.SreEvalTest"));
    }

    @Test
    void theEngineResolvesTheReadmesFormOfAUniqueId() {
        UniqueId id = EngineRuns.ENGINE.append(Segments.SUITE, KilledRun.HangsOnTheLastTaskSuite.class.getName())
                .append(Segments.TASK, "task-1");

        EngineDiscoveryResults discovered = evalunit().selectors(selectUniqueId(id.toString())).discover();

        assertThat(discovered.getEngineDescriptor().getDescendants()).extracting(TestDescriptor::getUniqueId)
                .contains(id);
    }

    private static String readmeTaskFile(String readme) {
        String intro = "Write a task file, `src/test/resources/sre/tools/oom.yaml`";
        int at = readme.indexOf(intro);
        assertThat(at).as("README.md's task file").isNotNegative();
        int start = readme.indexOf("```yaml\n", at) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("\n```", start) + 1);
    }
}
