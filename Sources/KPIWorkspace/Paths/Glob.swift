#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shell-style matching of workspace-relative paths (`inbox/amazon/*.txt`); `*` stays within a folder.
package enum Glob {
    package static func matches(_ pattern: String, _ path: String) -> Bool {
        fnmatch(pattern, path, FNM_PATHNAME) == 0
    }
}
