import KPIStore
import NIOCore
import PostgresNIO

/// A bound value sent as text with no type (OID 0), so the server gives it the type of the column or
/// expression it meets — what SQLite does with any value. That lets text like `82609.10` go into a
/// NUMERIC column, which a value typed as `text` could not without a cast in every statement.
struct UntypedParameter: PostgresDynamicTypeEncodable {
    let text: String

    var psqlType: PostgresDataType { PostgresDataType(0) }
    var psqlFormat: PostgresFormat { .text }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer,
                                                  context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(text)
    }
}

enum PostgresParameters {
    /// `sql` with its `?` placeholders numbered `$1`, `$2`… (a `?` inside a quoted literal or name stays).
    static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                out.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                out.append(character)
            } else if character == "?" {
                number += 1
                out += "$\(number)"
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// The query with `values` bound in order.
    static func query(_ sql: String, _ values: [StoreValue]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let v): bindings.append(UntypedParameter(text: String(v)))
            case .text(let v): bindings.append(UntypedParameter(text: StoreValue.storable(v)))
            }
        }
        return PostgresQuery(unsafeSQL: numbered(sql), binds: bindings)
    }
}
