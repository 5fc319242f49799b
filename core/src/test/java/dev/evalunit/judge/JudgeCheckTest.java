package dev.evalunit.judge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalunit.check.CheckResult;
import dev.evalunit.check.CheckUnscorableException;
import dev.evalunit.check.Comparison;
import dev.evalunit.check.Evidence;
import dev.evalunit.check.SpanExpectation;
import dev.evalunit.config.Settings;
import dev.evalunit.testing.FakeOpenAiServer;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code judge} check against a scripted judge behind a real HTTP server, through LangChain4j's OpenAI client. */
class JudgeCheckTest {

    static final String RUBRIC = "The answer names memory exhaustion (OOM) as the cause and proposes raising the"
            + " memory limit, not deleting the pod.";
    static final String GOOD_ANSWER = "The container was OOMKilled at its 512Mi limit; I raised the limit to 768Mi.";
    private static final String KEY = "sk-judge-test-4242";
    private static final String KEY_VARIABLE = "EVALUNIT_TEST_JUDGE_KEY";

    static Judge judgeAt(FakeOpenAiServer server) {
        Map<String, String> configuration = Map.of(
                "evalunit.judge", "openai",
                "evalunit.judge.base-url", server.baseUrl(),
                "evalunit.judge.name", "judge-model",
                "evalunit.judge.api-key-env", KEY_VARIABLE);
        return Judge.fromSettings(Settings.from(key -> Optional.ofNullable(configuration.get(key))),
                variable -> variable.equals(KEY_VARIABLE) ? KEY : null).orElseThrow();
    }

    private static CheckResult judged(FakeOpenAiServer server, String answer) {
        try (Trial trial = Trial.answered(answer, judgeAt(server))) {
            return trial.check(JudgedChecks.judge(RUBRIC));
        }
    }

    @Nested
    class WhenTheJudgeAnswers {

        @Test
        void passesWhenTheJudgeSaysPassShowingItsReason() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(
                    JudgeReplies.verdict("pass", "Names OOMKilled at 512Mi and raises the limit."))) {
                CheckResult result = judged(server, GOOD_ANSWER);

                assertThat(result.passed()).isTrue();
                assertThat(result).hasToString("output: judge judge-model: pass, \"Names OOMKilled at 512Mi and"
                        + " raises the limit.\" (rubric \"" + RUBRIC + "\")");
            }
        }

        @Test
        void failsWhenTheJudgeSaysFailShowingItsReason() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(
                    JudgeReplies.verdict("fail", "Blames the network; memory is never mentioned."))) {
                CheckResult result = judged(server, "It is a flaky network. I deleted the pod.");

                assertThat(result.passed()).isFalse();
                assertThat(result.message()).isEqualTo("judge judge-model: fail, \"Blames the network; memory is"
                        + " never mentioned.\" (rubric \"" + RUBRIC + "\")");
            }
        }

        @Test
        void asksForTheVerdictWithStructuredOutput() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(JudgeReplies.verdict("pass", "Fine."))) {
                judged(server, GOOD_ANSWER);

                JsonNode format = server.requests().get(0).body().path("response_format");
                assertThat(format.path("type").asText()).isEqualTo("json_schema");
                JsonNode schema = format.path("json_schema");
                assertThat(schema.path("strict").asBoolean()).isTrue();
                assertThat(schema.path("schema").path("properties").path("verdict").path("enum"))
                        .extracting(JsonNode::asText).containsExactly("pass", "fail");
                assertThat(schema.path("schema").path("required")).extracting(JsonNode::asText)
                        .containsExactlyInAnyOrder("reason", "verdict");
                assertThat(server.requests().get(0).body().path("model").asText()).isEqualTo("judge-model");
            }
        }

        @Test
        void showsTheJudgeTheTaskTheAnswerTheReferenceAndTheRubric() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(JudgeReplies.verdict("pass", "Fine."))) {
                judged(server, GOOD_ANSWER);

                List<String> messages = server.requests().get(0).texts();
                assertThat(messages).hasSize(2);
                assertThat(messages.get(0)).contains("You grade one answer").contains("\"verdict\"");
                assertThat(messages.get(1))
                        .contains("<task>\n[system]\nYou are an on-call SRE.\n\n[user]\n" + Trial.PROMPT + "\n</task>")
                        .contains("<answer>\n" + GOOD_ANSWER + "\n</answer>")
                        .contains("<reference>\n" + Trial.REFERENCE + "\n</reference>")
                        .contains("<rubric>\n" + RUBRIC + "\n</rubric>");
            }
        }

        @Test
        void tellsTheJudgeWhenTheAnswerIsEmpty() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(JudgeReplies.verdict("fail", "No answer."))) {
                assertThat(judged(server, "").passed()).isFalse();

                assertThat(server.requests().get(0).texts().get(1)).contains("The assistant gave no answer");
            }
        }
    }

    @Nested
    class WhenTheJudgeAnswersGarbage {

        @Test
        void asksOnceMoreThenErrorsWithBothRawReplies() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(
                    JudgeReplies.says("Sure! The answer looks right to me."),
                    JudgeReplies.says("{\"verdict\": \"PASS\"}"))) {
                assertThatThrownBy(() -> judged(server, GOOD_ANSWER))
                        .isInstanceOf(CheckUnscorableException.class)
                        .hasMessageStartingWith("output: judge judge-model gave no verdict that could be read, twice")
                        .hasMessageContaining("never counts as a pass")
                        .hasMessageContaining("Its reply: \"Sure! The answer looks right to me.\" (the reply is not"
                                + " one JSON object")
                        .hasMessageContaining("asked again, it replied: \"{\\\"verdict\\\": \\\"PASS\\\"}\""
                                + " (\"verdict\" must be \"pass\" or \"fail\", was \"PASS\")");
                assertThat(server.requests()).hasSize(2);
                List<String> retry = server.requests().get(1).texts();
                assertThat(retry).hasSize(4);
                assertThat(retry.get(2)).isEqualTo("Sure! The answer looks right to me.");
                assertThat(retry.get(3)).startsWith("Your reply could not be read: the reply is not one JSON object");
            }
        }

        @Test
        void acceptsAVerdictGivenWhenAskedAgain() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(
                    JudgeReplies.says("```json\n{\"reason\": \"Names OOM.\", \"verdict\": \"pass\"}\n```"),
                    JudgeReplies.verdict("pass", "Names OOM."))) {
                CheckResult result = judged(server, GOOD_ANSWER);

                assertThat(result.passed()).isTrue();
                assertThat(server.requests()).hasSize(2);
            }
        }

        @Test
        void neverPassesOnAnEmptyReply() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(JudgeReplies.says(""))) {
                assertThatThrownBy(() -> judged(server, GOOD_ANSWER))
                        .isInstanceOf(CheckUnscorableException.class)
                        .hasMessageContaining("(the reply was empty)");
            }
        }
    }

    @Nested
    class WhenTheJudgeCannotBeAsked {

        @Test
        void errorsWithWhatTheEndpointSaid() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(
                    FakeOpenAiServer.fails(400, "The model `judge-model` does not exist"))) {
                assertThatThrownBy(() -> judged(server, GOOD_ANSWER))
                        .isInstanceOf(CheckUnscorableException.class)
                        .hasMessageStartingWith("output: judge judge-model could not be asked, so the answer was not"
                                + " graded: ")
                        .hasMessageContaining("The model `judge-model` does not exist");
            }
        }

        @Test
        void errorsWhenTheEndpointKeepsFailing() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(FakeOpenAiServer.fails(500, "judge overloaded"))) {
                assertThatThrownBy(() -> judged(server, GOOD_ANSWER))
                        .isInstanceOf(CheckUnscorableException.class)
                        .hasMessageContaining("judge overloaded");
                // LangChain4j's client retried the 500 twice.
                assertThat(server.requests()).hasSize(3);
            }
        }

        @Test
        void neverShowsTheJudgesKey() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(
                    FakeOpenAiServer.fails(401, "Incorrect API key provided: " + KEY))) {
                assertThatThrownBy(() -> judged(server, GOOD_ANSWER))
                        .isInstanceOf(CheckUnscorableException.class)
                        .hasMessageContaining("Incorrect API key provided: ***")
                        .hasMessageNotContaining(KEY)
                        .satisfies(e -> assertThat(e.getCause()).isNull());
            }
        }

        @Test
        void errorsSayingHowToConfigureAJudgeWhenThereIsNone() {
            Judge none = Judge.unconfigured(Judge.howToConfigure("com.acme.SreEvalTest"));
            try (Trial trial = Trial.answered(GOOD_ANSWER, none)) {
                assertThatThrownBy(() -> trial.check(JudgedChecks.judge(RUBRIC)))
                        .isInstanceOf(CheckUnscorableException.class)
                        .hasMessage("output: No judge model for the judge checks of com.acme.SreEvalTest. Either"
                                + " declare in com.acme.SreEvalTest a static @JudgeModel method or field returning a"
                                + " LangChain4j ChatModel, or set evalunit.judge=openai and evalunit.judge.name (e.g."
                                + " -Devalunit.judge=openai -Devalunit.judge.name=gpt-4o-mini; evalunit.judge.base-url"
                                + " for another OpenAI-compatible endpoint, evalunit.judge.api-key-env for the key's"
                                + " environment variable, default OPENAI_API_KEY)");
            }
        }

        @Test
        void errorsWhenTheTrialCarriesNoJudge() {
            assertThatThrownBy(() -> JudgedChecks.judge(RUBRIC).evaluate(new Evidence(GOOD_ANSWER, List.of())))
                    .isInstanceOf(CheckUnscorableException.class)
                    .hasMessageContaining("this trial carries no judge");
        }
    }

    @Nested
    class WithSamples {

        @Test
        void passesByMajority() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(
                    JudgeReplies.verdict("pass", "Names OOM."),
                    JudgeReplies.verdict("fail", "Does not say by how much."),
                    JudgeReplies.verdict("pass", "Raises the limit."));
                    Trial trial = Trial.answered(GOOD_ANSWER, judgeAt(server))) {
                CheckResult result = trial.check(JudgedChecks.judge(RUBRIC, 3));

                assertThat(result.passed()).isTrue();
                assertThat(result.message()).startsWith("judge judge-model: pass by 2 of 3 samples passing, \"1. pass:"
                        + " Names OOM. | 2. fail: Does not say by how much. | 3. pass: Raises the limit.\"");
                assertThat(server.requests()).hasSize(3);
            }
        }

        @Test
        void failsByMajority() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(
                    JudgeReplies.verdict("fail", "No cause."),
                    JudgeReplies.verdict("pass", "Fine."),
                    JudgeReplies.verdict("fail", "No fix."));
                    Trial trial = Trial.answered(GOOD_ANSWER, judgeAt(server))) {
                CheckResult result = trial.check(JudgedChecks.judge(RUBRIC, 3));

                assertThat(result.passed()).isFalse();
                assertThat(result.message()).startsWith("judge judge-model: fail by 1 of 3 samples passing");
            }
        }

        @Test
        void errorsWhenOneSampleCannotBeRead() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(
                    JudgeReplies.verdict("pass", "Names OOM."),
                    JudgeReplies.verdict("pass", "Names OOM."),
                    JudgeReplies.says("maybe"),
                    JudgeReplies.says("maybe not"));
                    Trial trial = Trial.answered(GOOD_ANSWER, judgeAt(server))) {
                // Two passes of three would be a majority, but an unread sample is not dropped quietly.
                assertThatThrownBy(() -> trial.check(JudgedChecks.judge(RUBRIC, 3)))
                        .isInstanceOf(CheckUnscorableException.class)
                        .hasMessageContaining("\"maybe not\"");
            }
        }
    }

    @Nested
    class Spans {

        @Test
        void judgeSpansFormATraceOfTheirOwnLinkedToTheTrialsRoot() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(JudgeReplies.verdict("pass", "Names OOM."));
                    Trial trial = Trial.answered(GOOD_ANSWER, judgeAt(server))) {
                trial.check(JudgedChecks.judge(RUBRIC));

                List<SpanData> judgeSpans = trial.otherTraces();
                assertThat(judgeSpans).extracting(SpanData::getName)
                        .containsExactlyInAnyOrder("judge judge-model", "chat judge-model");
                SpanData root = judgeSpans.stream().filter(span -> span.getName().startsWith("judge ")).findFirst()
                        .orElseThrow();
                assertThat(root.getParentSpanId()).isEqualTo(SpanId.getInvalid());
                assertThat(root.getLinks()).singleElement()
                        .satisfies(link -> assertThat(link.getSpanContext()).isEqualTo(trial.root().getSpanContext()));
                assertThat(root.getAttributes().asMap()).containsEntry(Judge.SCORE_LABEL, "pass")
                        .containsEntry(Judge.EXPLANATION, "Names OOM.")
                        .containsEntry(Judge.RUBRIC, RUBRIC);
                SpanData chat = judgeSpans.stream().filter(span -> span.getName().startsWith("chat ")).findFirst()
                        .orElseThrow();
                assertThat(chat.getParentSpanId()).isEqualTo(root.getSpanId());
            }
        }

        @Test
        void theTrialsSpanChecksNeverSeeTheJudgesCalls() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(JudgeReplies.verdict("pass", "Names OOM."));
                    Trial trial = Trial.answered(GOOD_ANSWER, judgeAt(server))) {
                SpanExpectation oneModelCall = SpanExpectation.named("chat *").count(Comparison.exactly(1)).build();
                trial.check(JudgedChecks.judge(RUBRIC, 3));

                // The evidence the runner captured, and the trial's trace however late it is read again.
                String trialTrace = trial.root().getSpanContext().getTraceId();
                List<SpanData> trialTraceNow = trial.allSpans().stream()
                        .filter(span -> span.getTraceId().equals(trialTrace)).collect(Collectors.toList());
                assertThat(trial.check(oneModelCall).passed()).isTrue();
                assertThat(oneModelCall.evaluate(new Evidence(GOOD_ANSWER, trialTraceNow)).passed()).isTrue();
                assertThat(trial.otherTraces()).filteredOn(span -> span.getName().startsWith("chat ")).hasSize(3);
            }
        }

        @Test
        void marksTheJudgeSpanAsAnErrorWhenNoVerdictCouldBeRead() {
            try (FakeOpenAiServer server = FakeOpenAiServer.replying(JudgeReplies.says("no"));
                    Trial trial = Trial.answered(GOOD_ANSWER, judgeAt(server))) {
                assertThatThrownBy(() -> trial.check(JudgedChecks.judge(RUBRIC)))
                        .isInstanceOf(CheckUnscorableException.class);

                SpanData root = trial.otherTraces().stream().filter(span -> span.getName().startsWith("judge "))
                        .findFirst().orElseThrow();
                assertThat(root.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
                assertThat(root.getEvents()).extracting(event -> event.getName())
                        .containsExactly(Judge.UNREADABLE_REPLY_EVENT, Judge.UNREADABLE_REPLY_EVENT);
            }
        }
    }
}
