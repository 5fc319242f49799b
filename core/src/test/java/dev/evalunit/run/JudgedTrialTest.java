package dev.evalunit.run;

import dev.evalunit.check.CheckUnscorableException;
import dev.evalunit.check.Comparison;
import dev.evalunit.check.OutputChecks;
import dev.evalunit.check.SpanExpectation;
import dev.evalunit.judge.Graders;
import dev.evalunit.judge.Judge;
import dev.evalunit.judge.JudgedChecks;
import dev.evalunit.judge.SimilarityScorer;
import dev.evalunit.model.ModelBinding;
import dev.evalunit.task.PassPolicy;
import dev.evalunit.task.Task;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import dev.evalunit.report.TaskOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner with the checks that need a judge: attachments, the judge's own trace, unscorable checks as errors. */
class JudgedTrialTest {

    private static final TaskRunner RUNNER = new TaskRunner(Duration.ofSeconds(30), 10);

    private static ChatModel judgeSaying(String reply) {
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return ChatResponse.builder().aiMessage(AiMessage.from(reply)).build();
            }
        };
    }

    private static Task task(List<dev.evalunit.check.Check> checks) {
        return Tasks.task("judged", checks, Optional.of(Tasks.lookThenAnswer()), 1, PassPolicy.ALL, Optional.empty());
    }

    @Test
    void theTasksSpanChecksSeeOnlyTheModelUnderTest() {
        Graders graders = new Graders(Judge.of("judge", judgeSaying("{\"reason\": \"Names OOM.\", \"verdict\": \"pass\"}")),
                SimilarityScorer.bundled());
        Task task = task(List.of(JudgedChecks.judge("Names OOM as the cause.", 3),
                SpanExpectation.named("chat *").count(Comparison.exactly(2)).build()));

        TrialResult trial = RUNNER.run(task, ModelBinding.oracle(), graders).trials().get(0);

        assertThat(trial.passed()).as(trial.checks().toString()).isTrue();
        assertThat(trial.spans()).extracting(SpanData::getName).noneMatch(name -> name.startsWith("judge"));
        assertThat(trial.checks().get(0).message()).startsWith("judge judge: pass by 3 of 3 samples passing");
    }

    @Test
    void anUnscorableCheckMakesTheTrialAnErrorAndKeepsTheOtherChecks() {
        Graders graders = new Graders(Judge.of("judge", judgeSaying("I think it passes.")), SimilarityScorer.bundled());
        Task task = task(List.of(OutputChecks.contains("OOMKilled"), JudgedChecks.judge("Names OOM as the cause.")));

        TaskResult result = RUNNER.run(task, ModelBinding.oracle(), graders);

        TrialResult trial = result.trials().get(0);
        assertThat(trial.errored()).isTrue();
        assertThat(trial.error()).containsInstanceOf(CheckUnscorableException.class);
        assertThat(trial.error().get().getMessage()).contains("\"I think it passes.\"");
        assertThat(trial.checks()).hasSize(1);
        assertThat(result.outcome()).isEqualTo(TaskOutcome.ERROR);
    }

    @Test
    void withoutGradersAJudgeCheckErrorsSayingHowToConfigureOne() {
        TaskResult result = RUNNER.run(task(List.of(JudgedChecks.judge("Names OOM."))), ModelBinding.oracle());

        assertThat(result.outcome()).isEqualTo(TaskOutcome.ERROR);
        assertThat(result.trials().get(0).error().get().getMessage()).contains("No judge model");
    }
}
