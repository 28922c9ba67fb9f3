import Admission
import ArgumentParser

/// The door's knobs on `serve` and `demo` (see the operator guide, "Overload").
package struct AdmissionOptions: ParsableArguments {
    package init() {}

    @Flag(inversion: .prefixedNo, help: "Admission control at the door: an adaptive limit on requests served at once.")
    package var admission = true

    @Option(help: "Requests served at once, at least (the adaptive limit's floor).")
    package var admissionMinLimit: Int = 8

    @Option(help: "Requests served at once, at most (the adaptive limit's ceiling).")
    package var admissionMaxLimit: Int = 512

    @Option(help: "How much slower than the minimum latency answers may get before the limit shrinks (2.0: twice).")
    package var admissionTolerance: Double = 2.0

    @Option(help: "Proxy latency (a request's time less its longest backend call) never judged too slow, in milliseconds.")
    package var admissionLatencyFloorMs: Int = 5

    @Option(help: "Requests that may wait at the door for a place.")
    package var admissionQueueSize: Int = 64

    @Option(help: "The longest a request waits at the door while the queue drains, in milliseconds.")
    package var admissionQueueWaitMs: Int = 50

    @Option(help: "The wait once the queue stands (not empty for 100 ms), in milliseconds; newest first then.")
    package var admissionQueueTargetMs: Int = 5

    @Option(help: "Discoveries (citizens the routing index does not know) running at once, in all.")
    package var discoveryMaxInFlight: Int = 16

    @Option(help: "Discoveries running at once for one client.")
    package var discoveryMaxPerClient: Int = 4

    @Option(help: "Bytes of uploads (requests for help with documents) held at once, in MiB.")
    package var uploadMaxInFlightMib: Int = 128

    @Option(help: "The longest an upload's body may take to arrive, in seconds.")
    package var uploadBodyTimeoutSeconds: Int = 30

    /// The admission settings these options describe.
    package var configuration: AdmissionConfiguration {
        AdmissionConfiguration(
            enabled: admission,
            limit: GradientLimitConfiguration(
                minLimit: admissionMinLimit, maxLimit: admissionMaxLimit, initialLimit: min(64, admissionMaxLimit),
                tolerance: admissionTolerance, latencyFloor: .milliseconds(max(0, admissionLatencyFloorMs))),
            queueSize: admissionQueueSize, maxQueueWait: .milliseconds(max(1, admissionQueueWaitMs)),
            queueTarget: .milliseconds(max(1, admissionQueueTargetMs)),
            maxDiscoveries: discoveryMaxInFlight, maxDiscoveriesPerClient: discoveryMaxPerClient,
            maxUploadBytesInFlight: max(1, uploadMaxInFlightMib) << 20,
            uploadBodyTimeout: .seconds(max(1, uploadBodyTimeoutSeconds)))
    }
}
