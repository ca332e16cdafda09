package cn.linkage.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Latency samples per name (an rpc, a view), in nanoseconds. */
final class Latencies {

    private final Map<String, List<Long>> samples = new TreeMap<>();

    synchronized void add(String name, long nanos) {
        samples.computeIfAbsent(name, k -> new ArrayList<>()).add(nanos);
    }

    synchronized Map<String, List<Long>> snapshot() {
        Map<String, List<Long>> copy = new TreeMap<>();
        samples.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    synchronized void clear() {
        samples.clear();
    }

    static double percentileMs(List<Long> values, double percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }
}
