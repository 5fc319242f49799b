package dev.evalunit.check;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class RunOutputLinesTest {

    private static Evidence ran(String... outputs) {
        List<RunOutcome.ProcessOutcome> processes = new java.util.ArrayList<>();
        for (int i = 0; i < outputs.length; i++) {
            processes.add(new RunOutcome.ProcessOutcome("p" + i, OptionalInt.of(0), outputs[i], Duration.ZERO));
        }
        return new Evidence("", List.of()).with(RunOutcome.class, new RunOutcome(processes, List.of()));
    }

    @Test
    void lineHoldsWhenALineIsExactlyTheText() {
        assertThat(RunChecks.outputLine("total: 12").evaluate(ran("start\ntotal: 12\r\n")).passed()).isTrue();
    }

    @Test
    void lineFailsWhenTheTextIsOnlyPartOfALine() {
        CheckResult result = RunChecks.outputLine("total: 12").evaluate(ran("total: 123\n"));

        assertThat(result.message()).isEqualTo("expected a line that is exactly \"total: 12\", the lines were \"total: 123\"");
    }

    @Test
    void linesHoldWhenTheOutputOfAllProcessesIsExactlyThoseLines() {
        assertThat(RunChecks.outputLines(List.of("listening", "", "done")).evaluate(ran("listening\n", "\ndone\n"))
                .passed()).isTrue();
    }

    @Test
    void linesFailForAnExtraLineNamingIt() {
        CheckResult result = RunChecks.outputLines(List.of("listening", "done"))
                .evaluate(ran("listening\ndone\ntrace id 4bf9\n"));

        assertThat(result.message()).isEqualTo("expected the output to be exactly 2 lines; line 3 was \"trace id 4bf9\","
                + " expected no more lines");
    }

    @Test
    void linesFailForAChangedLine() {
        CheckResult result = RunChecks.outputLines(List.of("listening", "done")).evaluate(ran("listening\nDone!\n"));

        assertThat(result.message()).contains("line 2 was \"Done!\", expected \"done\"");
    }
}
