package dev.evalunit.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster-robust standard error of a mean (Liang and Zeger, 1986; the CR1 small-sample factor
 * G/(G-1) of Cameron and Miller, 2015): tasks of one cluster may move together, so their
 * deviations from the mean are summed within the cluster before squaring. With every task its own
 * cluster it is the ordinary standard error s/&radic;n.
 */
final class ClusteredError {

    private ClusteredError() {
    }

    /**
     * @param values one value per task
     * @param clusters the cluster of each value, as long as {@code values}
     * @return &radic;(G/(G-1) &middot; &Sigma;<sub>c</sub> (&Sigma;<sub>i&isin;c</sub> (x<sub>i</sub> - x&#772;))&sup2; / n&sup2;);
     *         NaN when there are fewer than two clusters
     */
    static double ofMean(double[] values, List<String> clusters) {
        if (values.length != clusters.size() || values.length == 0) {
            throw new IllegalArgumentException("need one cluster per value and at least one value: " + values.length
                    + " values, " + clusters.size() + " clusters");
        }
        double mean = mean(values);
        Map<String, Double> sums = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            sums.merge(clusters.get(i), values[i] - mean, Double::sum);
        }
        int g = sums.size();
        if (g < 2) {
            return Double.NaN;
        }
        double squares = sums.values().stream().mapToDouble(sum -> sum * sum).sum();
        double n = values.length;
        return Math.sqrt((double) g / (g - 1) * squares / (n * n));
    }

    /** @return how many distinct clusters there are */
    static int count(List<String> clusters) {
        return (int) clusters.stream().distinct().count();
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
