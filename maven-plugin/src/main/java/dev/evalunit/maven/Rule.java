package dev.evalunit.maven;

/**
 * A per-tag rule of the {@code check} goal: the tasks with {@code tag} must reach
 * {@code minPassRate}, for each model.
 *
 * <pre>{@code
 * <rules>
 *   <rule><tag>safety</tag><minPassRate>1.0</minPassRate></rule>
 * </rules>
 * }</pre>
 *
 * @since 0.1.0
 */
public class Rule {

    /** The tag, as written in task files. */
    private String tag;

    /** The lowest pass rate, from 0 to 1, of the tasks with the tag. */
    private Double minPassRate;

    /** @return the tag */
    public String getTag() {
        return tag;
    }

    /** @param tag the tag, as written in task files */
    public void setTag(String tag) {
        this.tag = tag;
    }

    /** @return the lowest pass rate of the tasks with the tag */
    public Double getMinPassRate() {
        return minPassRate;
    }

    /** @param minPassRate the lowest pass rate, from 0 to 1, of the tasks with the tag */
    public void setMinPassRate(Double minPassRate) {
        this.minPassRate = minPassRate;
    }

    @Override
    public String toString() {
        return "<rule><tag>" + tag + "</tag><minPassRate>" + minPassRate + "</minPassRate></rule>";
    }
}
