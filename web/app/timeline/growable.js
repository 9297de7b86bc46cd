// A typed array that grows by doubling: the timeline keeps every column of a trace in these so
// a million events cost a few flat buffers instead of a million objects.

/** An append-only column of numbers backed by a typed array of type `Type`. */
export class Growable {
  /** @param {Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor | Uint32ArrayConstructor} Type */
  constructor(Type, capacity = 1024) {
    this.Type = Type;
    this.data = new Type(capacity);
    this.length = 0;
  }

  /** Appends `value` and returns its index. */
  push(value) {
    if (this.length === this.data.length) {
      const bigger = new this.Type(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length] = value;
    return this.length++;
  }

  /** The last value; undefined when empty. */
  last() {
    return this.length > 0 ? this.data[this.length - 1] : undefined;
  }
}
