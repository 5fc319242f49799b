package dev.evalunit.check;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every process that exited by itself exited with a code. */
record RunExitCode(int expected) implements Check {

    static final String LABEL = "run.exit-code";

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        Optional<RunOutcome> run = evidence.attachment(RunOutcome.class);
        if (run.isEmpty()) {
            return RunChecks.nothingRan(LABEL);
        }
        List<RunOutcome.ProcessOutcome> exited = run.get().processes().stream()
                .filter(process -> process.exitCode().isPresent()).toList();
        if (exited.isEmpty()) {
            return CheckResult.fail(LABEL, "expected " + expected + ", but no process exited by itself");
        }
        for (RunOutcome.ProcessOutcome process : exited) {
            int code = process.exitCode().getAsInt();
            if (code != expected) {
                return CheckResult.fail(LABEL, "process " + process.name() + " exited with " + code + ", expected "
                        + expected + "; its output ends " + Excerpt.of(tail(process.output())));
            }
        }
        return CheckResult.pass(LABEL, exited.stream().map(RunOutcome.ProcessOutcome::name)
                .collect(Collectors.joining(", ")) + " exited with " + expected);
    }

    private static String tail(String output) {
        return output.length() <= 400 ? output : output.substring(output.length() - 400);
    }
}
