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
}
