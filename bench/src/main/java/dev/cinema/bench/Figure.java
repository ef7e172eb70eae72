package dev.cinema.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the results table: a measure of the platform beside the same measure of its raw baseline, one value
 * per run of each, reported as medians.
 */
final class Figure {

    final String benchmark;
    final String measure;
    final String unit;
    final String baseline;
    final boolean higherIsBetter;
    final List<Double> platformRuns = new ArrayList<>();
    final List<Double> baselineRuns = new ArrayList<>();

    Figure(String benchmark, String measure, String unit, String baseline, boolean higherIsBetter) {
        this.benchmark = benchmark;
        this.measure = measure;
        this.unit = unit;
        this.baseline = baseline;
        this.higherIsBetter = higherIsBetter;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** How the platform compares, as a share of the baseline's figure (throughput) or a multiple of its time. */
    String comparison() {
        double platform = median(platformRuns);
        double raw = median(baselineRuns);
        if (Double.isNaN(platform) || Double.isNaN(raw) || raw == 0 || platform == 0) {
            return "";
        }
        return higherIsBetter ? String.format("%.0f %% of raw", 100 * platform / raw)
                : String.format("%.1f× raw", platform / raw);
    }
}
