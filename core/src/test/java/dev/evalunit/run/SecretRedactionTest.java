package dev.evalunit.run;

import com.sun.net.httpserver.HttpServer;
import dev.evalunit.check.OutputChecks;
import dev.evalunit.config.Settings;
import dev.evalunit.model.ModelBinding;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The model's API key never reaches a trial's result: not its answer, check messages or failure. */
class SecretRedactionTest {

    private static final String KEY = "sk-test-0123456789abcdefSECRET";

    @Test
    void theKeyIsRedactedInTheAnswerAndInCheckMessagesBeforeTheyAreCut() throws Exception {
        String answer = "the key is " + KEY + " and " + "x".repeat(5000);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String body = "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                    + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"" + answer + "\"}}],"
                    + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            Map<String, String> settings = Map.of("evalunit.model", "openai", "evalunit.model.name", "m",
                    "evalunit.model.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                    "evalunit.model.api-key-env", "TEST_KEY", "evalunit.retries", "0");
            ModelBinding model = ModelBinding.fromSettings(Settings.from(key -> Optional.ofNullable(settings.get(key))),
                    name -> name.equals("TEST_KEY") ? KEY : null).orElseThrow();
            TaskRunner runner = new TaskRunner(Duration.ofSeconds(60), 5);

            TrialResult trial = runner.run(Tasks.task("leak", List.of(OutputChecks.notContains("the key"))), model)
                    .trials().get(0);

            assertThat(trial.output()).startsWith("the key is *** and").doesNotContain("sk-test");
            assertThat(trial.checks()).singleElement().satisfies(check -> {
                assertThat(check.passed()).isFalse();
                assertThat(check.message()).doesNotContain("sk-test").doesNotContain("SECRET");
            });
        } finally {
            server.stop(0);
        }
    }
}
