/// Streams an opened file's rows into a sink.
///
/// A connector opens a file into a reader; the store's loader drains it into its own sink inside one
/// transaction. The protocol lives with the records so the store never needs to know about connectors.
package protocol RecordReader {
    mutating func read(into sink: inout some RecordSink) throws -> ReadStats
}
