package dev.evalunit.junit.openai;

import dev.evalunit.testing.FakeOpenAiServer;

import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

/** A comma-separated evalunit.model.name runs every task once per model against the same endpoint. */
class SeveralConfiguredModelsTest {

    @TempDir
    Path reports;

    @Test
    void runsEveryTaskOncePerConfiguredNameAndScoresEachModelApart() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request ->
                request.answer(request.model().equals("big-model") ? "Paris." : "Lyon, I think."))) {
            EngineExecutionResults results = EngineTestKit.engine("evalunit")
                    .enableImplicitConfigurationParameters(false)
                    .configurationParameter("evalunit.model", "openai")
                    .configurationParameter("evalunit.model.base-url", server.baseUrl())
                    .configurationParameter("evalunit.model.name", "big-model, small-model")
                    .configurationParameter("evalunit.model.api-key-env", "EVALUNIT_TEST_UNSET_KEY_VARIABLE")
                    .configurationParameter("evalunit.report.dir", reports.toString())
                    .selectors(selectClasspathResource("openai/models"))
                    .execute();

            assertThat(results.testEvents().succeeded().map(event -> event.getTestDescriptor().getDisplayName()))
                    .containsExactly("capital [big-model]");
            assertThat(results.testEvents().failed().map(event -> event.getTestDescriptor().getDisplayName()))
                    .containsExactly("capital [small-model]");
            assertThat(server.requests().stream().map(FakeOpenAiServer.RecordedRequest::model)
                    .collect(Collectors.toSet())).containsExactlyInAnyOrder("big-model", "small-model");
            Summary summary = ResultsFiles.readSummary(reports.resolve("summary.json"));
            assertThat(summary.byModel()).containsOnlyKeys("big-model", "small-model");
            assertThat(summary.byModel().get("big-model").figures().passRate()).hasValue(1.0);
            assertThat(summary.byModel().get("small-model").figures().passRate()).hasValue(0.0);
        }
    }
}
