package dev.evalunit.maven;

import dev.evalunit.report.PowerPlan;
import dev.evalunit.report.Summary;
import dev.evalunit.report.TaskVerdict;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The planner: for the suite a run scored (its tasks, trials and pass rate), prints the smallest
 * drop in pass rate a paired comparison with a later run detects at 80% power (or {@code power})
 * and {@code significanceLevel}, and how many tasks, or trials per task, each of {@code drops}
 * would need. It decides nothing and never fails on the figures: run it before choosing a
 * {@code maxRegression} or a suite size. {@code mvn evalunit:plan}, after a run.
 *
 * @since 0.1.0
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends ResultsMojo {

    /** The two-sided level of the paired test the plan is for, in (0, 1). */
    @Parameter(property = "evalunit.significanceLevel", defaultValue = "0.05")
    private double significanceLevel;

    /** The chance of detecting the drop, in (0, 1). */
    @Parameter(property = "evalunit.power", defaultValue = "0.8")
    private double power;

    /** The drops in pass rate to say the needed tasks and trials for, each in (0, 1]. */
    @Parameter(property = "evalunit.drops", defaultValue = "0.05,0.10")
    private List<Double> drops;


    @Override
    public void execute() throws MojoExecutionException {
        if (!(significanceLevel > 0 && significanceLevel < 1) || !(power > 0 && power < 1)) {
            throw new MojoExecutionException("significanceLevel and power are in (0, 1), e.g. 0.05 and 0.8: "
                    + significanceLevel + ", " + power);
        }
        for (Double drop : drops) {
            if (drop == null || !(drop > 0 && drop <= 1)) {
                throw new MojoExecutionException("each of drops is a drop in pass rate in (0, 1], e.g. 0.05: " + drop);
            }
        }
        MergedReport report = mergedReport();
        lines(report.summary(), significanceLevel, power, drops).forEach(line -> getLog().info(line));
    }

    /** @return one line per model, then one per drop */
    static List<String> lines(Summary summary, double alpha, double power, List<Double> drops) {
        List<String> lines = new ArrayList<>();
        for (String model : summary.models()) {
            List<TaskVerdict> verdicts = summary.tasks().stream().filter(task -> task.model().equals(model)).toList();
            PowerPlan.of(verdicts, alpha, power).ifPresentOrElse(plan -> {
                lines.add("EvalUnit plan for model " + model + ": " + plan.tasks() + " tasks, "
                        + String.format(Locale.ROOT, "%.1f", plan.trials()) + " trials per task, trial pass rate "
                        + Gate.rate(plan.rate()) + (plan.designEffect() > 1
                                ? ", design effect " + String.format(Locale.ROOT, "%.2f", plan.designEffect())
                                        + " from tasks sharing a file" : "")
                        + ": at level " + Gate.rate(alpha) + " and " + Math.round(power * 100)
                        + "% power a paired comparison detects a drop of " + Gate.rate(plan.minimumDetectableDrop())
                        + (plan.minimumDetectableDrop() > 1 ? " (no drop at all: more tasks are needed)" : "") + " or more");
                for (double drop : drops) {
                    lines.add("  a drop of " + Gate.rate(drop) + " needs " + plan.tasksFor(drop) + " tasks at these trials,"
                            + " or " + plan.trialsFor(drop) + " trials per task with these " + plan.tasks() + " tasks");
                }
            }, () -> lines.add("EvalUnit plan for model " + model + ": no task was scored, so there is nothing to plan from"));
        }
        return lines;
    }

}
