/// The enum values that `BinaryReader` has read, in memory kept from entry to entry.
///
/// `T(rawValue:)` compares a text with each case's name in turn, and an entry names few distinct
/// values thousands of times, so a reader memoises each one-byte enum value by the text's index in
/// its table (`slots`). Until decode32 each reader made that memo itself: an array of `textCount`
/// × 32 bytes, allocated and zeroed for every entry and freed after (tens of KB a plan; at 3,321
/// plans ≈ 13 % of a warm run's page faults, brief decode33). Now a pool's readers share one table
/// (`TextPool.Local.enumMemo`), one reader at a time: a reader starts a new `stamp`, and a slot
/// holds a value for this reader only when it carries this reader's stamp, so nothing is zeroed
/// between entries.
///
/// The first read of a text as a type in an entry is still a miss in `slots`; `names` keeps what
/// `T(rawValue:)` gave across entries, keyed by the text's own bytes (texts of up to 15 bytes, as
/// every case name the model reads is) and the type. The key is the bytes, compared whole, so a value
/// found is the value `T(rawValue:)` gives for those bytes; a name of no case is never kept (it
/// throws at every read).
final class EnumMemoTable {
    /// One text's values as up to two enum types (identities `type`, `otherType`; 0: none).
    struct Slot {
        /// The reader that wrote it (`EnumMemoTable.stamp`); another stamp reads as empty.
        var stamp: UInt32 = 0
        var byte: UInt8 = 0
        var otherByte: UInt8 = 0
        var type: UInt = 0
        var otherType: UInt = 0
    }

    /// A text's bytes (then zeros, the count + 1 in the last byte, as `TextPool.ShortTexts`), with
    /// the enum type it was read as and the value's byte.
    private struct Name {
        var key: (UInt64, UInt64) = (0, 0)
        var type: UInt = 0
        var byte: UInt8 = 0
    }

    private(set) var slots: UnsafeMutablePointer<Slot>
    private var capacity: Int
    /// The current reader's stamp (never 0 once `begin` is called).
    private(set) var stamp: UInt32 = 0
    /// A cache, not a set: a slot keeps the last name that landed on it.
    private var names: UnsafeMutablePointer<Name>
    private static let nameCount = 512

    init(capacity: Int = 0) {
        self.capacity = Swift.max(capacity, 1)
        slots = .allocate(capacity: self.capacity)
        slots.initialize(repeating: Slot(), count: self.capacity)
        names = .allocate(capacity: Self.nameCount)
        names.initialize(repeating: Name(), count: Self.nameCount)
    }

    deinit {
        slots.deallocate()
        names.deallocate()
    }

    /// Starts a reader of `count` texts: every slot of `slots[0..<count]` reads as empty to it.
    /// Grown memory is zeroed once; a reused slot is told apart by its stamp.
    func begin(count: Int) {
        if count > capacity {
            slots.deallocate()
            capacity = Swift.max(count, capacity + capacity / 2)
            slots = .allocate(capacity: capacity)
            slots.initialize(repeating: Slot(), count: capacity)
        }
        stamp &+= 1
        if stamp == 0 {
            // After 2³² readers a stamp would come round again: every slot emptied instead.
            slots.update(repeating: Slot(), count: capacity)
            stamp = 1
        }
    }

    /// The key of a text of up to 15 bytes, nil for a longer one.
    static func key(_ text: String) -> (UInt64, UInt64)? {
        var text = text
        return text.withUTF8 { utf8 -> (UInt64, UInt64)? in
            guard utf8.count <= 15 else { return nil }
            var key: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &key) { key in
                key.copyMemory(from: UnsafeRawBufferPointer(utf8))
                key[15] = UInt8(utf8.count + 1)
            }
            return key
        }
    }

    /// The place of a name in `names` (internal for the test that finds two types on one place).
    @inline(__always)
    static func nameSlot(_ key: (UInt64, UInt64), type: UInt) -> Int {
        let mixed = (key.0 ^ (key.1 &* 0x9e37_79b9_7f4a_7c15) ^ UInt64(type)) &* 0xff51_afd7_ed55_8ccd
        return Int(truncatingIfNeeded: mixed >> 52) & (nameCount - 1)
    }

    /// The byte kept for the text of `key` read as the type `type`, if any.
    func name(_ key: (UInt64, UInt64), type: UInt) -> UInt8? {
        let name = names[Self.nameSlot(key, type: type)]
        return name.key == key && name.type == type ? name.byte : nil
    }

    /// Keeps `byte`, the value `T(rawValue:)` gave for the text of `key` as the type `type`.
    func keepName(_ key: (UInt64, UInt64), type: UInt, byte: UInt8) {
        names[Self.nameSlot(key, type: type)] = Name(key: key, type: type, byte: byte)
    }
}
