/// Shopify's leaky bucket, read from `X-Shopify-Shop-Api-Call-Limit: 32/40`.
struct CallLimit: Hashable {
    var used: Int
    var size: Int

    init?(header: String?) {
        guard let parts = header?.split(separator: "/"), parts.count == 2,
              let used = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let size = Int(parts[1].trimmingCharacters(in: .whitespaces)), size > 0 else { return nil }
        self.used = used
        self.size = size
    }

    /// Calls left free before slowing down: a tenth of the bucket, at least one.
    var headroom: Int { max(size / 10, 1) }

    /// Seconds to wait before the next call so the bucket keeps its headroom, at `leakRate` calls a
    /// second; zero when there is room. Waiting here is what keeps a run from ever seeing the 429.
    func wait(leakRate: Double) -> Double {
        let over = used - (size - headroom)
        return over > 0 && leakRate > 0 ? Double(over) / leakRate : 0
    }
}
