package cn.linkage.bench;

import java.util.ArrayList;
import java.util.List;

/** Nearest-rank percentiles of latency samples, as every benchmark here reports them. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The {@code percentile}th of {@code nanos}, in milliseconds; NaN when there are no samples. */
    public static double ms(List<Long> nanos, double percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
