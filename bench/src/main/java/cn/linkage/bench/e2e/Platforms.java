package cn.linkage.bench.e2e;

import io.grpc.ManagedChannel;

/** One mutual-TLS channel per platform the benchmark plays: the hub takes the caller from the certificate. */
record Platforms(ManagedChannel desk12345, ManagedChannel desk110, ManagedChannel supervision) {

    static Platforms of(HubUnderTest hub) {
        return new Platforms(hub.channel("12345"), hub.channel("110"), hub.channel("SUPERVISION"));
    }

    void shutdown() {
        desk12345.shutdownNow();
        desk110.shutdownNow();
        supervision.shutdownNow();
    }
}
