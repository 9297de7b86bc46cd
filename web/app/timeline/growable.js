// A typed array that grows by doubling: the timeline keeps every column of a trace in these so
// a million events cost a few flat buffers instead of a million objects.
//
// Each element type has its own class with its own copy of `push`: one shared `push` would see
// five kinds of typed array at its store and V8 would make that store megamorphic, which made
// appending three times slower.

/** An append-only column of numbers backed by a typed array of type `Type`. */
export class Growable {
  /** @param {Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor} Type */
  constructor(Type, capacity = 1024) {
    this.Type = Type;
    this.data = new Type(Math.max(1, capacity));
    this.length = 0;
  }

  /** Makes room for at least `capacity` values. */
  reserve(capacity) {
    if (capacity <= this.data.length) return;
    const bigger = new this.Type(Math.max(capacity, this.data.length * 2));
    bigger.set(this.data);
    this.data = bigger;
  }

  /** Appends `value` and returns its index. */
  push(value) {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }

  /** Shrinks the buffer to the values it holds, once no more will be pushed. */
  trim() {
    if (this.data.length > this.length) this.data = this.data.slice(0, Math.max(1, this.length));
  }

  /** The last value; undefined when empty. */
  last() {
    return this.length > 0 ? this.data[this.length - 1] : undefined;
  }
}

class Float64Column extends Growable {
  push(value) {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }
}

class Int32Column extends Growable {
  push(value) {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }
}

class Uint32Column extends Growable {
  push(value) {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }
}

class Uint16Column extends Growable {
  push(value) {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }
}

class Uint8Column extends Growable {
  push(value) {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }
}

const columns = new Map([
  [Float64Array, Float64Column],
  [Int32Array, Int32Column],
  [Uint32Array, Uint32Column],
  [Uint16Array, Uint16Column],
  [Uint8Array, Uint8Column],
]);

/** A Growable of `Type` whose `push` is its own (see the top of this file). */
export function growable(Type, capacity = 1024) {
  const Column = columns.get(Type) ?? Growable;
  return new Column(Type, capacity);
}
