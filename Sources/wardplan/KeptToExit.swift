import Synchronization

/// Values a command keeps until the process ends instead of freeing them: the system takes a
/// process's memory back at once, while freeing a country's plans (millions of small objects, on
/// one thread, after the output is written) took half a second of the run's wall time.
enum KeptToExit {
    private static let kept = Mutex<[any Sendable]>([])

    static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}
