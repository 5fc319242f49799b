package dev.evalunit.junit.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalunit.testing.FakeOpenAiServer;
import dev.evalunit.testing.FakeOpenAiServer.RecordedRequest;
import dev.evalunit.testing.FakeOpenAiServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

/**
 * An agent behind a real OpenAI-compatible endpoint works in an agent task's workspace the way a
 * model does: it looks around, writes a file that does not compile, builds, reads the error,
 * fixes it with an edit, builds again and finishes. The same sequence passes the task that allows
 * the build and fails the one that allows only compile, for the conduct check it breaks.
 */
class ScriptedAgentTest {

    private static final String APP = "src/shop/App.java";

    @Test
    void aBuildThatFailsIsFixedAndTheTaskPassesWhileTheTaskForbiddingTheBuildFailsSayingWhy() {
        String reference = resource("code/app/reference/" + APP);
        // The first attempt misses a semicolon: the build reports the compile error, an edit fixes it.
        String broken = reference.replace("charge.end();", "charge.end()");
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> next(request, broken))) {

            Events tests = EngineTestKit.engine("evalunit")
                    .enableImplicitConfigurationParameters(false)
                    .configurationParameter("evalunit.model", "openai")
                    .configurationParameter("evalunit.model.base-url", server.baseUrl())
                    .configurationParameter("evalunit.model.name", "test-model")
                    .configurationParameter("evalunit.model.api-key-env", "EVALUNIT_TEST_NO_SUCH_VARIABLE")
                    .configurationParameter("evalunit.timeout", "4m")
                    .selectors(selectClasspathResource("agent"))
                    .execute().testEvents();

            Map<String, String> outcomes = new TreeMap<>();
            tests.finished().stream().forEach(event -> {
                TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
                outcomes.put(event.getTestDescriptor().getDisplayName(), result.getStatus() + ": "
                        + result.getThrowable().map(Throwable::getMessage).orElse(""));
            });
            assertThat(outcomes).containsOnlyKeys("fix-the-build", "compile-only");
            assertThat(outcomes.get("fix-the-build")).isEqualTo("SUCCESSFUL: ");
            assertThat(outcomes.get("compile-only")).startsWith("FAILED: ")
                    .contains("\"execute_tool run_command\"", "spans[3] \"execute_tool run_command\": expected count 0, found 2")
                    .doesNotContain("run.", "workspace.");

            Map<String, List<String>> results = toolResults(server);
            assertThat(results.get("Build the program")).hasSize(6).satisfies(seen -> {
                assertThat(seen.get(0)).startsWith("1 file:\n" + APP);
                assertThat(seen.get(2)).startsWith("wrote " + APP);
                assertThat(seen.get(3)).startsWith("build failed: compile error: " + APP + ":");
                assertThat(seen.get(4)).startsWith("edited " + APP);
                assertThat(seen.get(5)).startsWith("build passed: every process ran").contains("1 x place order");
            });
            assertThat(results.get("Compile the program")).hasSize(6).satisfies(seen -> {
                assertThat(seen.get(3)).startsWith("Error: \"build\" is not a command of this task");
                assertThat(seen.get(5)).startsWith("Error: \"build\" is not a command of this task");
            });
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    /** The agent's next step, read from how many tool results the conversation holds. */
    private static Reply next(RecordedRequest request, String broken) {
        int done = request.messages("tool").size();
        switch (done) {
            case 0: return request.callTool("list_files", "{}");
            case 1: return request.callTool("read_file", "{\"path\":\"" + APP + "\"}");
            case 2: return request.callTool("write_file", "{\"path\":\"" + APP + "\",\"content\":" + json(broken) + "}");
            case 3: return request.callTool("run_command", "{\"command\":\"build\"}");
            case 4: return request.callTool("edit_file", "{\"path\":\"" + APP + "\",\"old_text\":"
                    + json("charge.end()\n") + ",\"new_text\":" + json("charge.end();\n") + "}");
            case 5: return request.callTool("run_command", "{\"command\":\"build\"}");
            case 6: return request.callTool("finish", "{\"summary\":\"traced placing the order\"}");
            default: return request.answer("done");
        }
    }

    /**
     * @return for each task (by a phrase of its prompt), the tool results its last request carried:
     *         every call's but finish's, after which the model is not asked again
     */
    private static Map<String, List<String>> toolResults(FakeOpenAiServer server) {
        Map<String, List<String>> results = new TreeMap<>();
        for (RecordedRequest request : server.requests()) {
            String task = request.prompt().contains("Build the program") ? "Build the program" : "Compile the program";
            List<String> seen = request.messages("tool").stream().map(message -> message.path("content").asText())
                    .collect(Collectors.toList());
            results.merge(task, seen, (a, b) -> a.size() >= b.size() ? a : b);
        }
        return results;
    }

    private static String json(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }

    private static String resource(String name) {
        try (InputStream in = ScriptedAgentTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
